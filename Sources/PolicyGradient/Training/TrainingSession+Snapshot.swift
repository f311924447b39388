/// Saving a run between updates and restoring it into a freshly built one (`TrainingSnapshot`).
extension TrainingSession {
    /// Whether the run's state can be saved: its environment copies' states can be read.
    var canSnapshot: Bool { environments.savedCopies() != nil && evaluator.environments.savedCopies() != nil }

    /// The run's state now; take it between updates (before `run` or after it paused), when
    /// `canSnapshot`.
    func snapshot() -> TrainingSnapshot {
        guard let snapshot = readableSnapshot() else { preconditionFailure("the copies' states cannot be read") }
        return snapshot
    }

    /// The run's state now, or nil when a copy's state could not be read (copies in another
    /// process that cannot be copied, or that failed while being read: their `fault` says so).
    func readableSnapshot() -> TrainingSnapshot? {
        guard let copies = environments.savedCopies(), let evaluationCopies = evaluator.environments.savedCopies()
        else { return nil }
        return TrainingSnapshot(
            parameters: buffers.map(\.parameterArray), optimizers: optimizers.map(\.state),
            targetCritic: targetCritic?.parameters.parameterArray, stepsDone: stepsDone, updatesDone: updatesDone,
            episodesDone: episodesDone, baselines: baselines, policyLoss: metrics.policyLoss,
            valueLoss: metrics.valueLoss, entropy: metrics.entropy,
            actionGenerator: RandomGeneratorState(actionGenerator),
            minibatchGenerator: updateRule.generatorState,
            evaluationGenerator: RandomGeneratorState(evaluator.generator),
            environments: copies, evaluationEnvironments: evaluationCopies,
            normalization: normalizer?.learnedState, exploration: exploration?.values, loop: loop,
            passesDone: passesDone, recentEpisodes: recentEpisodes)
    }

    /// Puts `snapshot`, taken from a run of the same settings, into this freshly built one.
    func restore(_ snapshot: TrainingSnapshot) throws {
        let mismatch = TrainerError("the snapshot was taken from a run with other settings")
        guard snapshot.parameters.count == buffers.count, snapshot.optimizers.count == optimizers.count,
            (snapshot.targetCritic == nil) == (targetCritic == nil),
            (snapshot.minibatchGenerator == nil) == (updateRule.generatorState == nil),
            (snapshot.normalization == nil) == (normalizer == nil),
            snapshot.exploration?.count == exploration?.values.count
        else { throw mismatch }
        for (buffer, values) in zip(buffers, snapshot.parameters) {
            guard values.count == buffer.count else { throw mismatch }
            buffer.parameterArray = values
        }
        for (optimizer, state) in zip(optimizers, snapshot.optimizers) { try optimizer.restore(state) }
        if let targetCritic, let values = snapshot.targetCritic {
            guard values.count == targetCritic.parameters.count else { throw mismatch }
            targetCritic.parameters.parameterArray = values
        }
        if let normalizer, let saved = snapshot.normalization { try normalizer.restore(saved) }
        if let exploration, let saved = snapshot.exploration { exploration.values = saved }
        try environments.restoreCopies(snapshot.environments)
        try evaluator.environments.restoreCopies(snapshot.evaluationEnvironments)
        actionGenerator = try snapshot.actionGenerator.generator()
        evaluator.generator = try snapshot.evaluationGenerator.generator()
        if let saved = snapshot.minibatchGenerator { try updateRule.restoreGenerator(saved) }
        stepsDone = snapshot.stepsDone
        updatesDone = snapshot.updatesDone
        episodesDone = snapshot.episodesDone
        baselines = snapshot.baselines
        metrics = UpdateMetrics(policyLoss: snapshot.policyLoss, valueLoss: snapshot.valueLoss, entropy: snapshot.entropy)
        loop = snapshot.loop
        passesDone = snapshot.passesDone
        recentEpisodes = snapshot.recentEpisodes
        forwarded.invalidate()
    }
}
