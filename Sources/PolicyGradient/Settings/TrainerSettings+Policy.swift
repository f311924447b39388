extension TrainerSettings {
    /// `policy:` — the actor's function approximator.
    public struct Policy: Sendable, Equatable {
        public var architecture: ModelArchitecture
        /// Hidden widths (mlp).
        public var hidden: [Int]
        public var activation: ActivationFunction
        /// nil: the architecture's default (orthogonal for mlp, zeros otherwise).
        public var initialization: WeightInitialization?
        /// Initial log σ of the Gaussian head (continuous actions).
        public var logStdInit: Double
        /// Generalized state-dependent exploration (Raffin et al. 2022) for the Gaussian head:
        /// `a = μ(s) + φ(s)·θ_ε`, θ_ε drawn per environment copy (`GaussianPolicy`).
        public var sde: Bool
        /// With `sde`: a new θ_ε every this many steps of a rollout; −1 only at its start.
        public var sdeSampleFreq: Int

        public init(
            architecture: ModelArchitecture = .mlp, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
            initialization: WeightInitialization? = nil, logStdInit: Double = 0, sde: Bool = false,
            sdeSampleFreq: Int = -1
        ) {
            self.architecture = architecture
            self.hidden = hidden
            self.activation = activation
            self.initialization = initialization
            self.logStdInit = logStdInit
            self.sde = sde
            self.sdeSampleFreq = sdeSampleFreq
        }
    }
}
