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

        public init(
            architecture: ModelArchitecture = .mlp, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
            initialization: WeightInitialization? = nil, logStdInit: Double = 0
        ) {
            self.architecture = architecture
            self.hidden = hidden
            self.activation = activation
            self.initialization = initialization
            self.logStdInit = logStdInit
        }
    }
}
