/// One batch as an estimator reads it, in Float32 (training) or Double (the diagnostics).
///
/// Shapes `[count]`. Fixed-length batches are time-major (`k = t·N + i`, `N = numEnvs`,
/// `T = steps`); whole-episode batches hold the episodes one after another (`numEnvs` 1).
/// `nextValues[k]` is the bootstrap value of the state after term k (`ReturnEstimators`);
/// `qEstimates` holds, on entry, Q(s_k, a_k) from a Q critic (else anything).
public struct EstimateBuffers<F: BinaryFloatingPoint> {
    public var rewards: UnsafePointer<F>
    /// V(s_k), 0 without a critic.
    public var values: UnsafePointer<F>
    public var nextValues: UnsafePointer<F>
    /// Whether term k's transition ended its episode (terminated or truncated).
    public var ended: UnsafePointer<Bool>
    /// Term k's step within its episode (whole episodes) or rollout.
    public var time: UnsafePointer<Int>
    public var numEnvs: Int
    public var steps: Int
    public var count: Int
    /// γ and λ as training uses them: the settings' values rounded to Float32.
    public var gamma: F
    public var gaeLambda: F
    /// Q̂, written by the estimator.
    public var qEstimates: UnsafeMutablePointer<F>
    /// The critic's regression targets y, written by the estimator.
    public var criticTargets: UnsafeMutablePointer<F>

    public init(
        rewards: UnsafePointer<F>, values: UnsafePointer<F>, nextValues: UnsafePointer<F>, ended: UnsafePointer<Bool>,
        time: UnsafePointer<Int>, numEnvs: Int, steps: Int, count: Int, settings: TrainerSettings.Estimator,
        qEstimates: UnsafeMutablePointer<F>, criticTargets: UnsafeMutablePointer<F>
    ) {
        self.rewards = rewards
        self.values = values
        self.nextValues = nextValues
        self.ended = ended
        self.time = time
        self.numEnvs = numEnvs
        self.steps = steps
        self.count = count
        gamma = F(Float(settings.gamma))
        gaeLambda = F(Float(settings.gaeLambda))
        self.qEstimates = qEstimates
        self.criticTargets = criticTargets
    }
}

extension PolicyGradientAlgorithm {
    /// Q̂ and the critic's targets of a collected batch, in place in its Float32 storage.
    func estimateTargets(of batch: Rollout, settings: TrainerSettings.Estimator) {
        estimate(
            EstimateBuffers<Float>(
                rewards: batch.rewardStorage.pointer, values: batch.stateValueStorage.pointer,
                nextValues: batch.nextValueStorage.pointer, ended: batch.endedStorage.pointer,
                time: batch.timeStorage.pointer, numEnvs: batch.numEnvs, steps: batch.steps, count: batch.count,
                settings: settings, qEstimates: batch.qEstimateStorage.pointer,
                criticTargets: batch.criticTargetStorage.pointer),
            settings: settings)
    }
}
