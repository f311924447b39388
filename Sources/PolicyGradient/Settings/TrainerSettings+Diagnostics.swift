extension TrainerSettings {
    /// `diagnostics.gradient_variance:`.
    public struct Diagnostics: Sendable, Equatable {
        /// Steps between measurements (one is also taken at step 0).
        public var every: Int
        /// K, estimates per measurement.
        public var samples: Int
        /// Baselines measured on the same batches as the job's own.
        public var compare: [Baseline]
        /// Where each measured batch starts: clones of the training copies, or fresh episodes.
        public var start: MeasurementStart

        public init(every: Int, samples: Int = 32, compare: [Baseline] = [], start: MeasurementStart = .continue) {
            self.every = every
            self.samples = samples
            self.compare = compare
            self.start = start
        }
    }
}
