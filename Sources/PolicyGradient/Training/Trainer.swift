/// The training loop: collect a batch, update, evaluate on schedule, stream rows to a sink.
///
/// Each estimator's mathematics lives with the code that implements it: its type in
/// `Algorithms/` (Q̂ and the critic's targets, and which collector and update rule it builds),
/// acting in `ActorStep`, the batches in `FixedLengthCollector` and `EpisodeCollector`, filling
/// a `Rollout`, the policy-gradient term in `PolicyGradientTerm`, the baselines in `Baselines/`,
/// the updates in `PolicyGradientUpdate` and `PPOUpdate` with the loss they share in
/// `UpdateLoss`, clipping and the optimizers in `GradientStep`,
/// evaluation in `Evaluator`; `TrainingSession` builds them and owns the random streams
/// (determinism: docs/architecture.md, "Determinism").
///
/// A `CurveRow` is written at step 0, after every update that crosses a multiple of `eval_every`,
/// and at the end (unless the last update already wrote one). Training continues while fewer than
/// `steps` steps were taken, so the last batch may overshoot the budget. `train_return` is the
/// mean return of the training episodes finished since the previous row (NaN if none); entropy
/// and losses are the latest update's (`UpdateMetrics`).
///
/// After every `log_every`-th update, its `UpdateStatistics` go to `sink.record(_: UpdateStatistics)`
/// (the rows of `updates.csv`); they are measured beside the update's arithmetic, never in it.
///
/// `sink.shouldStop` is polled before each update and, every 256 environment steps or PPO
/// minibatch terms (`StopPoll`), inside collection, PPO's epochs and evaluation; a stop ends the
/// run `interrupted` at once, abandoning the batch, update or evaluation in progress (no row is
/// written for it). `sink.progress(steps:)` is told the step count after each update. A
/// non-finite loss, gradient norm or parameter stops the run as `diverged` at that step. Both
/// endings are thrown (`EarlyEnd`) and caught where the run ends.
/// Settings that cannot be built (a tabular policy on CartPole, say) give `failed` with the
/// message. Only `completed` runs report a `finalReturn` (the last evaluation's mean); others
/// report NaN. Environment copies that stop stepping (`BatchedEnvironment.fault`, checked after
/// every batch, evaluation and measurement) end the run `failed` with their message, or
/// `diverged` after a non-finite observation or reward.
///
/// Checkpoints: a run starts from `sink.resumeSnapshot` when there is one. At the first update
/// boundary after each multiple of `training.checkpoint_every` steps (default `eval_every`),
/// after that update's row and measurement, the sink is offered the state
/// (`sink.checkpoint`); when `sink.checkpointRequested`, it is offered at the next boundary and
/// the run stops there, `interrupted`. A boundary state restored into a fresh run continues bit
/// for bit (`TrainingSnapshot`). Copies whose states cannot be read (an environment in another
/// process that cannot be copied) offer no checkpoints: a checkpoint-and-stop only stops, and a
/// job run again starts over.
///
/// Continuing: when the loop ends (the first update boundary at or after `steps`), the sink is
/// offered the state there (`sink.finalState`), before the closing curve row is evaluated. It
/// is the state a run of any longer budget has at that boundary, unless a schedule depends on
/// the budget (`TrainerSettings.dependsOnBudget`), so such a run resumed from it ends bit for
/// bit as if it had been run with the longer budget from the start.
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
    /// the state a run starts from. Throws `TrainerError`, `EnvironmentError` or
    /// `EnvironmentParameterError`.
    public static func makeState(_ settings: TrainerSettings) throws -> any TrainerState {
        try makeSession(settings)
    }

    static func makeSession(_ settings: TrainerSettings) throws -> any SessionRunning {
        // Built by its descriptor's factory (or from a given MDP), or by a backend's factory; the
        // existential is opened once here, so the session steps the concrete type without
        // dynamic dispatch.
        if case .external(let external) = settings.environment.source {
            let factory = try EnvironmentBackends.open(external, maxEpisodeSteps: settings.environment.maxEpisodeSteps)
            return try open(factory, settings: settings)
        }
        return try open(try settings.environment.makeEnvironment(), settings: settings)
    }

    private static func open<E: Environment>(_ environment: E, settings: TrainerSettings) throws -> any SessionRunning {
        try open(EnvironmentSupply(native: environment), settings: settings)
    }

    private static func open<F: BatchedEnvironmentFactory>(_ factory: F, settings: TrainerSettings) throws
        -> any SessionRunning
    {
        let shape = MemoryFootprint.EnvironmentShape(
            observationSize: factory.observationSize, actionSpace: factory.actionSpace,
            horizon: settings.environment.maxEpisodeSteps ?? Int.max)
        let supply = EnvironmentSupply<F.Copies>(
            observationSize: factory.observationSize, actionSpace: factory.actionSpace, mdp: nil, shape: shape,
            make: { factory.makeCopies(numEnvs: $0, seed: $1, stream: $2, stopRequested: $3) })
        return try open(supply, settings: settings)
    }

    private static func open<V: BatchedEnvironment>(_ supply: EnvironmentSupply<V>, settings: TrainerSettings) throws
        -> any SessionRunning
    {
        // A job whose memory cannot be had fails with a message instead of crashing when built.
        try MemoryFootprint(settings: settings, shape: supply.shape).probe()
        return try TrainingSession(settings: settings, supply: supply)
    }

    /// Trains `settings` to the end (or a stop, divergence or failure), streaming rows to `sink`.
    public func run(_ settings: TrainerSettings, sink: any TrainingSink) -> TrainingOutcome {
        let session: any SessionRunning
        do {
            session = try Self.makeSession(settings)
        } catch {
            return TrainingOutcome(status: .failed, finalReturn: .nan, steps: 0, error: "\(error)")
        }
        if let snapshot = sink.resumeSnapshot {
            do {
                try session.restore(snapshot)
            } catch {
                return TrainingOutcome(status: .failed, finalReturn: .nan, steps: 0, error: "\(error)")
            }
        }
        return session.run(sink: sink, measurement: settings.diagnostics == nil ? nil : measurement)
    }
}

/// A session that can run its loop (the generic session behind an existential, opened once).
protocol SessionRunning: TrainerState {
    /// Asks the running job's sink whether to stop, inside long work.
    var stopPoll: StopPoll { get }
    /// Trains on from where the session stands; pauses (returning `interrupted`) at the first
    /// update boundary at or after `pauseStep` steps, where `snapshot()` can be taken.
    func run(
        sink: any TrainingSink, measurement: ((any TrainerState, Int) -> [VarianceRow])?, pausingAt pauseStep: Int
    ) -> TrainingOutcome
    func snapshot() -> TrainingSnapshot
    func restore(_ snapshot: TrainingSnapshot) throws
    /// The estimator's update rule.
    var updateRule: any UpdateRule { get }
    /// The trained policy as `policy.json` keeps it.
    func savedPolicy() -> SavedPolicy
    /// Evaluates `saved` in place of this run's policy: the final evaluation replayed from its
    /// recorded start when `replay`, else this run's first evaluation.
    func evaluate(_ saved: SavedPolicy, replay: Bool) throws -> (mean: Double, std: Double)
    /// `count` episodes of `saved` from the evaluation streams of `seed`.
    func episodes(_ saved: SavedPolicy, count: Int, greedy: Bool, seed: UInt64) throws -> [PolicyEpisode]
    /// The greedy actions and critic values of `saved` for raw observations.
    func responses(_ saved: SavedPolicy, to observations: [[Float]]) throws -> [PolicyResponse]
}

extension SessionRunning {
    func run(sink: any TrainingSink, measurement: ((any TrainerState, Int) -> [VarianceRow])?) -> TrainingOutcome {
        run(sink: sink, measurement: measurement, pausingAt: Int.max)
    }
}

extension TrainingSession: SessionRunning {
    func run(
        sink: any TrainingSink, measurement: ((any TrainerState, Int) -> [VarianceRow])?, pausingAt pauseStep: Int
    ) -> TrainingOutcome {
        let total = settings.training.steps, evalEvery = settings.training.evalEvery
        let measureEvery = settings.diagnostics?.every ?? Int.max
        let checkpointEvery = settings.training.checkpointEvery ?? evalEvery
        let logEvery = settings.training.logEvery
        // The step of the previous boundary: a resumed run does not offer its own state again.
        var boundary = stepsDone
        stopPoll.source = sink
        defer { stopPoll.source = nil }
        // A stop asked for anywhere in the loop, or a divergence, ends it at the one catch below.
        func stopIfAsked() throws(EarlyEnd) {
            if stopPoll.isStopped { throw .interrupted }
        }
        func requireWorkingCopies(_ copies: V) throws(EarlyEnd) {
            if let fault = copies.fault { throw fault == .stopped ? .interrupted : .environment(fault) }
        }
        let checkpoints = canSnapshot
        // Read before the sink is asked, so that copies failing to report their states skip the
        // checkpoint (their fault ends the run after the next batch) instead of writing one.
        func offerCheckpoint() {
            guard checkpoints, let state = readableSnapshot() else { return }
            sink.checkpoint(step: stepsDone) { state }
        }

        func writeRow() throws(EarlyEnd) {
            let (mean, std) = evaluator.evaluate()
            try requireWorkingCopies(evaluator.environments)
            try stopIfAsked()
            loop.lastEvaluation = mean
            let row = CurveRow(
                step: stepsDone, episodes: episodesDone, evalReturnMean: mean, evalReturnStd: std,
                trainReturn: loop.trainReturnCount > 0 ? loop.trainReturnSum / Double(loop.trainReturnCount) : .nan,
                entropy: metrics.entropy, policyLoss: metrics.policyLoss, valueLoss: metrics.valueLoss)
            loop.rows.append(row)
            sink.record(row)
            loop.trainReturnSum = 0
            loop.trainReturnCount = 0
            loop.lastRowStep = stepsDone
        }
        func measure() throws(EarlyEnd) {
            guard let measurement else { return }
            let rows = measurement(self, stepsDone)
            if let fault = measurementFault { throw fault == .stopped ? .interrupted : .environment(fault) }
            try stopIfAsked()
            for row in rows { sink.record(row) }
        }

        do throws(EarlyEnd) {
            if loop.lastRowStep < 0 {
                try writeRow()
                try measure()
            }
            while stepsDone < total {
                if sink.checkpointRequested {
                    offerCheckpoint()
                    throw .interrupted
                }
                if stepsDone / checkpointEvery > boundary / checkpointEvery { offerCheckpoint() }
                boundary = stepsDone
                if stepsDone >= pauseStep || sink.shouldStop { throw .interrupted }
                let before = stepsDone
                stepsDone += collect(environments, &actionGenerator, rollout)
                try requireWorkingCopies(environments)
                try stopIfAsked()
                for r in rollout.finishedReturns {
                    loop.trainReturnSum += r
                    loop.trainReturnCount += 1
                }
                episodesDone += rollout.finishedReturns.count
                guard update(rollout) else { throw .diverged }
                try stopIfAsked()
                if updatesDone % logEvery == 0 { sink.record(updateStatistics) }
                sink.progress(steps: stepsDone)
                if stepsDone / evalEvery > before / evalEvery { try writeRow() }
                if stepsDone / measureEvery > before / measureEvery { try measure() }
                try stopIfAsked()
            }
            // The state a longer budget continues from: taken before the closing row, whose
            // evaluation a longer run (with this step off its evaluation grid) never makes.
            if checkpoints, let state = readableSnapshot() { sink.finalState(step: stepsDone) { state } }
            if loop.lastRowStep != stepsDone { try writeRow() }
            try stopIfAsked()
        } catch {
            switch error {
            case .interrupted:
                return TrainingOutcome(status: .interrupted, finalReturn: .nan, steps: stepsDone)
            case .diverged:
                return TrainingOutcome(
                    status: .diverged, finalReturn: .nan, steps: stepsDone,
                    error: "a loss, the gradient norm or a parameter became NaN or infinite at step \(stepsDone)")
            case .environment(.diverged(let message)):
                return TrainingOutcome(
                    status: .diverged, finalReturn: .nan, steps: stepsDone, error: "at step \(stepsDone): \(message)")
            case .environment(.failed(let message)):
                return TrainingOutcome(
                    status: .failed, finalReturn: .nan, steps: stepsDone, error: "at step \(stepsDone): \(message)")
            case .environment(.stopped):
                return TrainingOutcome(status: .interrupted, finalReturn: .nan, steps: stepsDone)
            }
        }
        sink.record(savedPolicy())
        return TrainingOutcome(status: .completed, finalReturn: loop.lastEvaluation, steps: stepsDone)
    }
}
