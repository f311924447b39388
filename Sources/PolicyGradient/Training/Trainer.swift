/// The training loop: collect a batch, update, evaluate on schedule, stream rows to a sink.
///
/// ## Estimators (`estimator.name`)
///
/// Every update minimizes
/// `loss = pg + value_coef · mean_k (y_k − V(s_k))² − entropy_coef · mean_k H(π(·|s_k))`,
/// where `pg = −termScale Σ_k w_k Â_k log π(a_k|s_k)` and `Â_k = Q̂_k − B(s_k)` (standardized over
/// the batch when `normalize_advantage`), so its policy part is `−ĝ` with ĝ the policy-gradient
/// term of `TrainerState.accumulatePolicyGradient`. The critic term is absent without a critic.
///
/// - `reinforce` (Williams 1992; the lecture's Algorithm 6): the batch is `episodes_per_update`
///   complete episodes (see `collectEpisodes`): copies are reset at each batch, and copy i keeps
///   its first `⌊W/N⌋ + (i < W mod N ? 1 : 0)` episodes (W wanted, N copies), a quota fixed before
///   stepping so that short episodes are not favoured; episodes past a quota and partial ones are
///   stepped (and counted as steps) but dropped. The batch is ordered by (copy, episode). `Q̂_t = G_t = Σ_{k≥t} γ^{k−t} r_k` (`reward_to_go`) or `G_0`;
///   `w_t = γ^t` with `discount_weighting`, else 1; `termScale = 1/episodes`. With both on, ĝ is
///   unbiased for ∇J_H (Lemma 5, Theorem 15). A truncated episode is just cut (no bootstrap).
///   With the value baseline the critic regresses `y_t = G_t`.
/// - `actor_critic`: a Q critic (one output per action); `Q̂_t = Q(s_t, a_t)`; the value baseline
///   is `Σ_a π(a|s_t) Q(s_t, a)`; the critic's target is expected SARSA,
///   `y_t = r_t + γ Σ_a' π(a'|s_{t+1}) Q_target(s_{t+1}, a')` (0 after a terminal state; after a
///   truncation, the final observation's value if `bootstrap_truncated`, else 0).
/// - `a2c` (Mnih et al. 2016; Stable-Baselines3's A2C): `n_steps × num_envs` terms;
///   `Q̂_t = R_t = r_t + γ R_{t+1}`, bootstrapped with V at the rollout's end and cut at episode
///   ends (`ReturnEstimators.nStepReturns`); value baseline V(s_t); `y_t = R_t`.
/// - `gae` (Schulman et al. 2016): `Q̂_t = A_t + V(s_t)`, the λ-return, with A_t the GAE
///   (`ReturnEstimators.generalizedAdvantages`); with the value baseline `Â_t = A_t`; `y_t = Q̂_t`.
/// - `ppo` (Schulman et al. 2017; Stable-Baselines3's PPO): GAE as above, then `epochs` passes of
///   shuffled minibatches on the clipped surrogate (`ClippedSurrogate`), each step clipped and
///   applied on its own.
///
/// Fixed-length estimators (all but reinforce) use `termScale = 1/(n_steps · num_envs)`, a mean
/// as in SB3. With `critic.target: target_network` the bootstrap values come from a copy of the
/// critic refreshed every `target_update` updates; with `stopgrad`, from the current critic.
///
/// ## Baselines
///
/// `none`: 0. `mean` and `optimal`: constants (state-independent) estimated from earlier updates
/// only (`RunningBaselines`). `value`: the critic.
///
/// ## Optimizer
///
/// One optimizer per distinct parameter buffer (policy, critic; one buffer with a shared trunk),
/// the rules being elementwise this equals one optimizer over all. The gradient is clipped to
/// `max_grad_norm` in global norm over all buffers (none when nil); the learning rate follows
/// `schedule`, linear meaning `lr · (1 − steps_done / steps)` with `steps_done` counted after the
/// batch was collected (SB3's progress remaining), floored at 0.
///
/// ## The loop and its rows
///
/// Random streams (DESIGN section 5): `.initialization` for the weights (policy then critic),
/// `.environment` index i for training copy i, `.actions` for training actions, `.evaluation` for
/// evaluation copies (index i) and evaluation actions (index 2³²), `.minibatches` for PPO's
/// shuffles; `.diagnostics` is left to the measurement hook.
///
/// A `CurveRow` is written at step 0, after every update that crosses a multiple of `eval_every`,
/// and at the end (unless the last update already wrote one). Training continues while fewer than
/// `steps` steps were taken, so the last batch may overshoot the budget. Evaluation runs
/// `eval_episodes` copies (the first episode of each after a reset) and reports the mean and the
/// population standard deviation of their returns. `train_return` is the mean return of the
/// training episodes finished since the previous row (NaN if none); entropy and losses are the
/// latest update's (NaN before any; for PPO, of its last minibatch step).
///
/// `sink.shouldStop` is polled before each update and, every 256 environment steps or PPO
/// minibatch terms (`StopPoll`), inside collection, PPO's epochs and evaluation; a stop ends the
/// run `interrupted` at once, abandoning the batch, update or evaluation in progress (no row is
/// written for it). `sink.progress(steps:)` is told the step count after each update. A non-finite loss, gradient
/// norm or parameter stops the run as `diverged` at that step. Settings that cannot be built
/// (a tabular policy on CartPole, say) give `failed` with the message. Only `completed` runs
/// report a `finalReturn` (the last evaluation's mean); others report NaN.
public struct Trainer {
    /// The gradient-diagnostics hook: called with the frozen state at step 0 (after the first
    /// curve row) and after every update that crosses a multiple of `diagnostics.every`, when the
    /// settings have `diagnostics`. Its rows go to `sink.record(_: VarianceRow)`. It must draw only
    /// from the `.diagnostics` stream and leave the state as it found it (see `TrainerState`).
    public var measurement: ((any TrainerState, _ step: Int) -> [VarianceRow])?

    public init(measurement: ((any TrainerState, _ step: Int) -> [VarianceRow])? = nil) {
        self.measurement = measurement
    }

    /// Runs `settings` without diagnostics measurements.
    public static func run(_ settings: TrainerSettings, sink: any TrainingSink) -> TrainingOutcome {
        Trainer().run(settings, sink: sink)
    }

    /// Builds the run's components (environment, policy, critic, optimizers) without training:
    /// the state a run starts from. Throws `TrainerError` or `EnvironmentError`.
    public static func makeState(_ settings: TrainerSettings) throws -> any TrainerState {
        try makeSession(settings)
    }

    static func makeSession(_ settings: TrainerSettings) throws -> any SessionRunning {
        // A job whose memory cannot be had fails with a message instead of crashing when built.
        // (An unknown id is left to the registry, whose error names it.)
        try (try? MemoryFootprint(settings: settings))?.probe()
        switch settings.environment.source {
        case .classic(let id):
            let environment = try EnvironmentRegistry.make(id: id, maxEpisodeSteps: settings.environment.maxEpisodeSteps)
            return try open(environment, settings: settings, mdp: nil)
        case .tabular(let mdp):
            let environment = try EnvironmentRegistry.makeTabular(
                mdp: mdp, maxEpisodeSteps: settings.environment.maxEpisodeSteps)
            return try open(environment, settings: settings, mdp: mdp)
        }
    }

    private static func open<E: Environment>(_ environment: E, settings: TrainerSettings, mdp: TabularMDP?) throws
        -> any SessionRunning
    {
        try TrainingSession(settings: settings, prototype: environment, mdp: mdp)
    }

    /// Trains `settings` to the end (or a stop, divergence or failure), streaming rows to `sink`.
    public func run(_ settings: TrainerSettings, sink: any TrainingSink) -> TrainingOutcome {
        let session: any SessionRunning
        do {
            session = try Self.makeSession(settings)
        } catch {
            return TrainingOutcome(status: .failed, finalReturn: .nan, steps: 0, error: "\(error)")
        }
        return session.run(sink: sink, measurement: settings.diagnostics == nil ? nil : measurement)
    }
}

/// A session that can run its loop (the generic session behind an existential, opened once).
protocol SessionRunning: TrainerState {
    /// Asks the running job's sink whether to stop, inside long work.
    var stopPoll: StopPoll { get }
    func run(sink: any TrainingSink, measurement: ((any TrainerState, Int) -> [VarianceRow])?) -> TrainingOutcome
}

extension TrainingSession: SessionRunning {
    func run(sink: any TrainingSink, measurement: ((any TrainerState, Int) -> [VarianceRow])?) -> TrainingOutcome {
        let total = settings.training.steps, evalEvery = settings.training.evalEvery
        let measureEvery = settings.diagnostics?.every ?? Int.max
        var trainReturnSum = 0.0, trainReturnCount = 0
        var lastRowStep = -1
        var lastEvaluation = Double.nan
        stopPoll.source = sink
        defer { stopPoll.source = nil }
        func interrupted() -> TrainingOutcome {
            TrainingOutcome(status: .interrupted, finalReturn: .nan, steps: stepsDone)
        }

        func writeRow() {
            let (mean, std) = evaluate()
            guard !stopPoll.isStopped else { return }
            lastEvaluation = mean
            sink.record(CurveRow(
                step: stepsDone, episodes: episodesDone, evalReturnMean: mean, evalReturnStd: std,
                trainReturn: trainReturnCount > 0 ? trainReturnSum / Double(trainReturnCount) : .nan,
                entropy: lastEntropy, policyLoss: lastPolicyLoss, valueLoss: lastValueLoss))
            trainReturnSum = 0
            trainReturnCount = 0
            lastRowStep = stepsDone
        }
        func measure() {
            guard let measurement else { return }
            let rows = measurement(self, stepsDone)
            guard !stopPoll.isStopped else { return }
            for row in rows { sink.record(row) }
        }

        writeRow()
        measure()
        if stopPoll.isStopped { return interrupted() }
        while stepsDone < total {
            if sink.shouldStop { return interrupted() }
            let before = stepsDone
            stepsDone += collect(environments, &actionGenerator, rollout)
            if stopPoll.isStopped { return interrupted() }
            for r in rollout.finishedReturns {
                trainReturnSum += r
                trainReturnCount += 1
            }
            episodesDone += rollout.finishedReturns.count
            guard update(rollout) else {
                return TrainingOutcome(
                    status: .diverged, finalReturn: .nan, steps: stepsDone,
                    error: "a loss, the gradient norm or a parameter became NaN or infinite at step \(stepsDone)")
            }
            if stopPoll.isStopped { return interrupted() }
            sink.progress(steps: stepsDone)
            if stepsDone / evalEvery > before / evalEvery { writeRow() }
            if stepsDone / measureEvery > before / measureEvery { measure() }
            if stopPoll.isStopped { return interrupted() }
        }
        if lastRowStep != stepsDone { writeRow() }
        if stopPoll.isStopped { return interrupted() }
        return TrainingOutcome(status: .completed, finalReturn: lastEvaluation, steps: stepsDone)
    }
}
