/// PPO (Schulman et al. 2017): GAE's λ-returns over `n_steps` rollouts (128 by default),
/// advantages standardized by default, and `epochs` passes of clipped-surrogate steps over
/// shuffled minibatches (`PPOUpdate`), whose shuffling stream a snapshot saves.
public struct PPO: PolicyGradientAlgorithm {
    public init() {}

    public var name: TrainerSettings.EstimatorName { .ppo }
    public var critic: CriticKind? { .stateValue }
    public var batches: BatchKind { .fixedLength }
    public var defaultNSteps: Int { 128 }
    public var defaultNormalizeAdvantage: Bool { true }
    public var estimatorKeys: Set<String> {
        EstimatorKeys.common.union(EstimatorKeys.fixedLength).union(["lambda"]).union(EstimatorKeys.ppoUpdate)
    }

    public func makeUpdateRule<V: BatchedEnvironment>(_ parts: TrainingParts<V>) -> TrainingParts<V>.Update {
        parts.ppoUpdate()
    }

    @_specialize(where F == Float)
    @_specialize(where F == Double)
    public func estimate<F: BinaryFloatingPoint>(_ batch: EstimateBuffers<F>, settings: TrainerSettings.Estimator) {
        GAE.lambdaReturns(batch)
    }

    /// The shuffled term indices, and one minibatch's observations, actions and per-term values.
    public func updateBytes(_ s: TrainerSettings, shape: MemoryFootprint.EnvironmentShape) -> Int {
        let float = 4, int = 8
        let actionFloats = shape.isContinuous ? shape.actionWidth : 1
        let terms = MemoryFootprint.mul(Swift.max(1, s.environment.numEnvs), s.estimator.nSteps)
        let size = Swift.max(1, terms / Swift.max(1, s.estimator.minibatches))
        let perTerm = MemoryFootprint.add(MemoryFootprint.mul(shape.observationSize + actionFloats, float), int + 5 * float)
        return MemoryFootprint.add(MemoryFootprint.mul(terms, int), MemoryFootprint.mul(size, perTerm))
    }
}

/// PPO's own state in a snapshot: the minibatch shuffles' stream.
extension PPOUpdate: UpdateRule {
    var generatorState: RandomGeneratorState? { RandomGeneratorState(minibatchGenerator) }

    func restoreGenerator(_ state: RandomGeneratorState) throws {
        minibatchGenerator = try state.generator()
    }
}
