extension TrainerSettings {
    /// How evaluation episodes pick actions.
    public enum EvalPolicy: String, Sendable, CaseIterable {
        /// a ~ π(·|s).
        case sample
        /// argmax_a π(a|s), or the Gaussian's mean.
        case greedy
    }

    /// `training:` — the budget and the evaluation schedule.
    public struct Training: Sendable, Equatable {
        /// The largest budget a job may have, 10^12 environment steps (weeks at a million steps
        /// a second): step counts, sums of them over 100,000 jobs and products with the
        /// schedule's periods then stay far inside 64-bit integers.
        public static let maxSteps = 1_000_000_000_000

        /// Total environment steps, all copies together.
        public var steps: Int
        /// Steps between evaluations.
        public var evalEvery: Int
        public var evalEpisodes: Int
        public var evalPolicy: EvalPolicy
        /// Steps between checkpoints offered to the sink (`TrainingSink.checkpoint`); nil: at
        /// each evaluation. Changes when the state is saved, never what the run computes.
        public var checkpointEvery: Int?
        /// Updates between rows of `updates.csv` (`TrainingSink.record(_: UpdateStatistics)`):
        /// every `logEvery`-th update. Changes what is recorded, never what the run computes.
        public var logEvery: Int

        public init(
            steps: Int, evalEvery: Int? = nil, evalEpisodes: Int = 10, evalPolicy: EvalPolicy = .sample,
            checkpointEvery: Int? = nil, logEvery: Int = 1
        ) {
            self.steps = steps
            self.evalEvery = evalEvery ?? max(1, steps / 20)
            self.evalEpisodes = evalEpisodes
            self.evalPolicy = evalPolicy
            self.checkpointEvery = checkpointEvery
            self.logEvery = logEvery
        }
    }
}

extension TrainerSettings {
    /// Whether a run's path depends on `training.steps` before the budget ends: a linear
    /// learning-rate or clip schedule (`lr_t = lr · (1 − steps done / steps)`) decays at another
    /// rate under another budget. Such a run cannot continue from a shorter one's final state
    /// and stay bit for bit the longer run (docs/architecture.md, "Continuing training").
    public var dependsOnBudget: Bool {
        optimizer.schedule != .constant || estimator.clipSchedule != .constant
    }
}
