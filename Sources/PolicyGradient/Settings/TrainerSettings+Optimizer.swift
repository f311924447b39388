extension TrainerSettings {
    /// `optimizer:`.
    public struct Optimizer: Sendable, Equatable {
        /// Update rule and its hyperparameters.
        public var configuration: OptimizerConfiguration
        public var lr: Double
        public var schedule: LearningRateSchedule
        /// Global gradient-norm clipping threshold over all parameters; nil: no clipping.
        public var maxGradNorm: Double?

        /// `lr` nil: `OptimizerDefaults.learningRate` for the configuration's rule.
        public init(
            configuration: OptimizerConfiguration = .adam(), lr: Double? = nil,
            schedule: LearningRateSchedule = .constant, maxGradNorm: Double? = OptimizerDefaults.maxGradNorm
        ) {
            self.configuration = configuration
            self.lr = lr ?? OptimizerDefaults.learningRate(adam: configuration.isAdam)
            self.schedule = schedule
            self.maxGradNorm = maxGradNorm
        }
    }
}
