extension TrainerSettings {
    /// `estimator:`. `name` picks the estimator (`PolicyGradientAlgorithm`), which gives the
    /// defaults of `n_steps` and `normalize_advantage` and reads only its own keys.
    public struct Estimator: Sendable, Equatable {
        public var name: EstimatorName
        /// Discount γ.
        public var gamma: Double
        /// Rollout length per copy per update (actor_critic, a2c, gae, ppo).
        public var nSteps: Int
        /// GAE λ (gae, ppo).
        public var gaeLambda: Double
        /// Complete episodes per update (reinforce).
        public var episodesPerUpdate: Int
        /// Weight term t by G_t (true) or G_0 (false) (reinforce).
        public var rewardToGo: Bool
        /// Multiply term t by γ^t (reinforce).
        public var discountWeighting: Bool
        /// Standardize the advantages: (A − mean) / (std + 1e-8), std the unbiased sample std.
        public var normalizeAdvantage: Bool
        /// On a time-limit truncation, bootstrap with the critic's value of the final observation.
        public var bootstrapTruncated: Bool
        /// PPO: passes over each batch.
        public var epochs: Int
        /// PPO: minibatches per pass.
        public var minibatches: Int
        /// PPO: clipping range ε.
        public var clip: Double
        /// PPO: how ε changes over training; `linear` is ε·(1 − progress), as the learning rate's.
        public var clipSchedule: LearningRateSchedule
        /// PPO: the value clipping range ε_V (Stable-Baselines3's `clip_range_vf`); nil: no clipping.
        public var clipValue: Double?
        /// PPO: stop the update's epochs at the first minibatch whose approximate KL exceeds
        /// 1.5 × `targetKL` (Stable-Baselines3's `target_kl`); nil: never.
        public var targetKL: Double?

        public init(
            name: EstimatorName, gamma: Double = 0.99, nSteps: Int? = nil, gaeLambda: Double = 0.95,
            episodesPerUpdate: Int = 1, rewardToGo: Bool = true, discountWeighting: Bool = false,
            normalizeAdvantage: Bool? = nil, bootstrapTruncated: Bool = true, epochs: Int = 4, minibatches: Int = 4,
            clip: Double = 0.2, clipSchedule: LearningRateSchedule = .constant, clipValue: Double? = nil,
            targetKL: Double? = nil
        ) {
            self.name = name
            self.gamma = gamma
            self.nSteps = nSteps ?? name.algorithm.defaultNSteps
            self.gaeLambda = gaeLambda
            self.episodesPerUpdate = episodesPerUpdate
            self.rewardToGo = rewardToGo
            self.discountWeighting = discountWeighting
            self.normalizeAdvantage = normalizeAdvantage ?? name.algorithm.defaultNormalizeAdvantage
            self.bootstrapTruncated = bootstrapTruncated
            self.epochs = epochs
            self.minibatches = minibatches
            self.clip = clip
            self.clipSchedule = clipSchedule
            self.clipValue = clipValue
            self.targetKL = targetKL
        }
    }
}
