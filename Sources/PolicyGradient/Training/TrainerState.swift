/// Read access to a training run between updates, and the two operations gradient diagnostics
/// are built from. The trainer itself uses the same operations, so diagnostics measure exactly
/// what training uses.
///
/// Contract: nothing here consumes the training run's random streams or changes its state
/// (parameters, optimizer state, running baselines, environment copies, counters); the
/// policy's and critic's workspace rows and gradient buffers are scratch between updates,
/// and the trainer zeroes gradients at the start of every update.
///
/// A measurement at a step (docs/architecture.md, "Gradient diagnostics") goes:
///
///     let envs = state.makeBatchEnvironments(seed: seed, stream: .diagnostics)
///     var actions = RandomGenerator(seed: seed, stream: .diagnostics, index: 1 << 32)
///     let batch = state.makeRollout()
///     for k in 0..<K {
///         state.collectBatch(from: envs, start: .continue, actionGenerator: &actions, into: batch)
///         for kind in baselines {
///             let g = state.policyGradient(batch, baseline: state.resolvedBaseline(kind))  // ĝ_k
///         }
///     }
public protocol TrainerState: AnyObject {
    /// The settings the run trains with.
    var settings: TrainerSettings { get }
    /// The policy (parameters frozen between updates).
    var policy: PolicyModel { get }
    /// The learned critic (V, or Q for actor_critic), if the job has one.
    var critic: (any Critic)? { get }
    /// The finite MDP of a tabular environment (nil for classic control).
    var tabularMDP: TabularMDP? { get }
    /// Environment steps taken so far (all copies together).
    var stepsDone: Int { get }
    /// Updates applied so far.
    var updatesDone: Int { get }
    /// The `mean` baseline's current value: the mean of the Q-estimates of all earlier updates (0 before any).
    var meanBaseline: Float { get }
    /// The `optimal` baseline's current value b* = Σ gX·gY / Σ |gY|² over earlier updates (0 before any).
    var optimalBaseline: Float { get }

    /// The numbers behind a baseline setting now: none, the current mean or optimal constant, or the critic.
    func resolvedBaseline(_ kind: Baseline) -> ResolvedBaseline

    /// Fresh environment copies (`numEnvs` of them, copy i drawing from
    /// `RandomGenerator(seed:stream:index: i)`), for `collectBatch`.
    func makeBatchEnvironments(seed: UInt64, stream: RandomStream) -> BatchEnvironments

    /// An empty batch buffer shaped for this run.
    func makeRollout() -> Rollout

    /// Collects one batch of exactly the shape one update uses, with the current (frozen)
    /// parameters. With `start: .reset` (and always for REINFORCE) the copies are reset from
    /// the start distribution; with `.continue` they are first made clones of the training
    /// copies as they stand now (`VectorEnvironment.cloneCopies`), which stay untouched. Either
    /// way every random draw comes from the copies' own generators (continuing them) and from
    /// `actionGenerator`, and the batch's Q-estimates, critic values and bootstrap values are
    /// computed as for an update.
    func collectBatch(
        from environments: BatchEnvironments, start: MeasurementStart, actionGenerator: inout RandomGenerator,
        into batch: Rollout)

    /// Adds `scale · ĝ` to `policy.parameters.gradient`, where ĝ is the policy-gradient term
    /// alone (no entropy or critic term), the ascent direction of the objective:
    ///
    ///     ĝ = termScale · Σ_k w_k ∇θ log π(a_k|s_k) · Â_k,   Â_k = Q̂_k − B_k
    ///
    /// with Â standardized over the batch when `normalize_advantage` is on. Training calls it
    /// with `scale = −1` (a loss gradient). For PPO this is the clipped surrogate's gradient at
    /// ratio 1 over the whole batch. Re-runs the policy's forward pass when its workspace no
    /// longer holds this batch.
    func accumulatePolicyGradient(_ batch: Rollout, baseline: ResolvedBaseline, scale: Float)

    /// Adds `scale · ĝ` for advantages Â_k given in Double (baseline subtracted, standardized
    /// where the estimator asks): `termScale · Σ_k w_k ∇θ log π(a_k|s_k) · Â_k`, each term's
    /// coefficient formed in Double and rounded once.
    func accumulatePolicyGradient(_ batch: Rollout, advantages: UnsafePointer<Double>, scale: Float)

    /// ĝ as a new vector over `policy.parameters` (zeroes the gradient before and after).
    func policyGradient(_ batch: Rollout, baseline: ResolvedBaseline) -> [Float]
}

extension TrainerState {
    /// `collectBatch` from reset copies: fresh episodes from the start distribution.
    public func collectBatch(from environments: BatchEnvironments, actionGenerator: inout RandomGenerator, into batch: Rollout) {
        collectBatch(from: environments, start: .reset, actionGenerator: &actionGenerator, into: batch)
    }
}
