/// One vector step of acting, the same for training, evaluation and a saved policy's episodes:
/// for every copy i of N, at workspace row `row + i`,
///
///     s_i → π_θ(·|s_i) (and the critic's V or Q of s_i) → a_i ~ π_θ(·|s_i), or its mode → step(a)
///
/// in this order: the policy's and critic's forward passes, gSDE's exploration matrices drawn
/// when step t of the rollout is due them (`ExplorationMatrices.resampleIfDue`), the actions
/// (copy by copy, with log π_θ(a_i|s_i) when asked), then every copy stepped with its action.
/// Every caller draws from its generator in exactly this order, which is what keeps a run's
/// actions, and so its results, reproducible (docs/architecture.md, "Acting, the rollout and the loss").
struct ActorStep {
    let policy: PolicyModel
    /// Forwarded over the same observations into its own rows `row..<row+N` (collection keeps
    /// the values); nil where nothing needs them.
    let critic: (any Critic)?
    /// With gSDE and sampled actions, one exploration matrix per copy.
    let exploration: ExplorationMatrices?
    /// Whether each action is the policy's mode (greedy evaluation) rather than a draw.
    let greedy: Bool

    init(policy: PolicyModel, critic: (any Critic)? = nil, exploration: ExplorationMatrices?, greedy: Bool = false) {
        self.policy = policy
        self.critic = critic
        self.exploration = exploration
        self.greedy = greedy
    }

    /// Where one step's record goes: the observations acted on (`[N × observationSize]`, not
    /// kept when nil), the actions (`[N]` discrete, or `[N × actionDimension]` continuous) and
    /// log π_θ(a_i|s_i) (`[N]`, not computed when nil).
    struct Record {
        var observations: UnsafeMutablePointer<Float>?
        var actions: UnsafeMutablePointer<Int>
        var continuousActions: UnsafeMutablePointer<Float>
        var logProbs: UnsafeMutablePointer<Float>?
    }

    /// Acts once in every copy of `vector`, at step `t` of the rollout, from workspace row
    /// `row`, drawing from `generator`; writes what it did into `record`.
    @inline(__always)
    func take<V: BatchedEnvironment>(
        _ vector: V, step t: Int, row: Int, generator: inout RandomGenerator, record: Record
    ) {
        let n = vector.numEnvs
        var states = UnsafePointer(vector.observations.base)
        if let kept = record.observations {
            kept.update(from: vector.observations.base, count: n * vector.observationSize)
            states = UnsafePointer(kept)
        }
        policy.forward(states, count: n, row: row)
        critic?.forward(states, count: n, row: row)
        exploration?.resampleIfDue(step: t, using: &generator)
        policy.act(
            row: row, count: n, greedy: greedy, generator: &generator, actions: record.actions,
            continuous: record.continuousActions, logProbs: record.logProbs, exploration: exploration)
        if policy.isContinuous {
            vector.step(continuous: UnsafeBufferPointer(start: record.continuousActions, count: n * policy.actionDimension))
        } else {
            vector.step(discrete: UnsafeBufferPointer(start: record.actions, count: n))
        }
    }
}
