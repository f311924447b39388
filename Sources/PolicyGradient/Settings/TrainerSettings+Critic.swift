extension TrainerSettings {
    /// Where bootstrap values come from.
    public enum CriticTarget: String, Sendable, CaseIterable {
        /// The current critic (no gradient flows through the target).
        case stopgrad
        /// A copy of the critic refreshed every `targetUpdate` updates.
        case targetNetwork = "target_network"
    }

    /// `critic:` — the learned V (Q for actor_critic); its architecture is the policy's.
    public struct Critic: Sendable, Equatable {
        public var hidden: [Int]
        public var activation: ActivationFunction
        /// One network, the value head on the policy's last hidden layer (mlp only).
        public var shareTrunk: Bool
        /// Weight of the value loss mean (target − V)².
        public var valueCoef: Double
        public var target: CriticTarget
        /// Updates between target copies (target_network).
        public var targetUpdate: Int

        public init(
            hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh, shareTrunk: Bool = false,
            valueCoef: Double = 0.5, target: CriticTarget = .stopgrad, targetUpdate: Int = 100
        ) {
            self.hidden = hidden
            self.activation = activation
            self.shareTrunk = shareTrunk
            self.valueCoef = valueCoef
            self.target = target
            self.targetUpdate = targetUpdate
        }
    }
}
