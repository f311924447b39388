/// Where a run's environment copies come from: the sizes its models are built for, and the
/// copies for training, evaluation, the variance meter and a saved policy's episodes.
///
/// Copy i of a batch made with `seed` and `stream` draws its randomness from
/// `RandomGenerator(seed:stream:index: i)` (a bridged copy: its `reset` seed is derived from
/// it), so batches made for different purposes never share randomness.
struct EnvironmentSupply<V: BatchedEnvironment> {
    /// Observation length of one copy.
    let observationSize: Int
    let actionSpace: ActionSpace
    /// The finite MDP behind the copies, when they are a tabular environment.
    let mdp: TabularMDP?
    /// The sizes the memory estimate reads.
    let shape: MemoryFootprint.EnvironmentShape
    /// `numEnvs` copies from `seed`'s `stream`, reset. Copies that cannot be made come back
    /// with their `fault` set. Copies in another process ask `stopRequested` while they wait
    /// for it, so that a stop is not held up by an environment that stopped answering.
    let make: (_ numEnvs: Int, _ seed: UInt64, _ stream: RandomStream, _ stopRequested: @escaping () -> Bool) -> V

    /// Whether the copies are a finite MDP observed one-hot.
    var isTabular: Bool { mdp != nil }
}

extension EnvironmentSupply {
    /// Native copies of `prototype`, with its time limit.
    init<E: Environment>(native prototype: E) where V == VectorEnvironment<E> {
        self.init(
            observationSize: prototype.observationSize, actionSpace: prototype.actionSpace,
            mdp: (prototype as? TabularEnvironment)?.mdp, shape: .init(prototype)
        ) { numEnvs, seed, stream, _ in
            VectorEnvironment(prototype, numEnvs: numEnvs, seed: seed, stream: stream)
        }
    }
}
