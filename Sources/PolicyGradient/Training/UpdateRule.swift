/// An estimator family's update: from one collected batch, one or more gradient steps.
protocol UpdateRule: AnyObject {
    /// Updates the parameters from `batch` with the baseline `baseline`, recording what it
    /// measured in `metrics`; `stepsDone` is how far training has come (for schedules other
    /// than the learning rate's). Returns false when a loss, the gradient norm or a parameter is
    /// not finite (the run has diverged).
    func update(
        _ batch: Rollout, baseline: ResolvedBaseline, learningRate: Float, stepsDone: Int, metrics: inout UpdateMetrics
    ) -> Bool

    /// What the latest update measured; its `updates` counts the passes over the batch that
    /// update began (the training loop makes it cumulative).
    var statistics: UpdateStatistics { get }

    /// The rule's own random stream, which a snapshot saves (PPO's minibatch shuffles); nil
    /// when it draws none.
    var generatorState: RandomGeneratorState? { get }
    /// Puts back a `generatorState` saved from a rule of the same settings.
    func restoreGenerator(_ state: RandomGeneratorState) throws
}

extension UpdateRule {
    var generatorState: RandomGeneratorState? { nil }
    func restoreGenerator(_ state: RandomGeneratorState) throws {}
}

extension PolicyGradientUpdate: UpdateRule {}
