/// The evaluation behind each curve row: `eval_episodes` episodes, one per evaluation copy (each
/// copy's first episode after a reset), actions from the evaluation stream (`sample`) or greedy.
final class Evaluator<V: BatchedEnvironment> {
    let forwarded: ForwardedBatch
    let stopPoll: StopPoll
    let greedy: Bool
    /// Copy i draws from the `.evaluation` stream, index i.
    let environments: V
    /// The `.evaluation` stream, index 2³².
    var generator: RandomGenerator
    /// The random state the latest evaluation started from (kept with a saved policy).
    private(set) var lastStart: EvaluationStart?
    private let actions = ScratchBuffer<Int>(zero: 0)
    private let continuousActions = ScratchBuffer<Float>(zero: 0)
    private let done = ScratchBuffer<Bool>(zero: false)
    private let returns = ScratchBuffer<Double>(zero: 0)
    /// With gSDE and `eval_policy: sample`, one exploration matrix per evaluation copy, drawn
    /// from `generator` when an evaluation starts (and every `sde_sample_freq` steps of it).
    private let exploration: ExplorationMatrices?

    var policy: PolicyModel { forwarded.policy }

    init(environments: V, forwarded: ForwardedBatch, stopPoll: StopPoll, settings: TrainerSettings) {
        self.forwarded = forwarded
        self.stopPoll = stopPoll
        greedy = settings.training.evalPolicy == .greedy
        self.environments = environments
        generator = RandomGenerator(seed: settings.seed, stream: .evaluation, index: 1 << 32)
        exploration = greedy ? nil : forwarded.policy.makeExplorationMatrices(
            copies: settings.training.evalEpisodes, sampleFrequency: settings.policy.sdeSampleFreq)
    }

    /// The mean and the population standard deviation of the episodes' undiscounted returns
    /// (NaN when a stop abandoned the evaluation).
    func evaluate() -> (mean: Double, std: Double) {
        let vector = environments
        let policy = self.policy
        let count = vector.numEnvs, width = policy.actionDimension
        actions.reserve(count)
        continuousActions.reserve(count * width)
        done.reserve(count)
        returns.reserve(count)
        for i in 0..<count { done[i] = false }
        lastStart = vector.savedCopies().map { EvaluationStart(copies: $0, generator: RandomGeneratorState(generator)) }
        vector.reset()
        var remaining = count
        let actor = ActorStep(policy: policy, exploration: exploration, greedy: greedy)
        let record = ActorStep.Record(
            observations: nil, actions: actions.pointer, continuousActions: continuousActions.pointer, logProbs: nil)
        var t = 0
        while remaining > 0 {
            if stopPoll.stopRequested(after: count) { return (.nan, .nan) }
            actor.take(vector, step: t, row: 0, generator: &generator, record: record)
            t += 1
            for e in 0..<vector.finishedEpisodes.count {
                let episode = vector.finishedEpisodes.base[e]
                if !done[episode.copy] {
                    done[episode.copy] = true
                    returns[episode.copy] = episode.episodeReturn
                    remaining -= 1
                }
            }
        }
        forwarded.invalidate()
        var sum = 0.0
        for i in 0..<count { sum += returns[i] }
        let mean = sum / Double(count)
        var squares = 0.0
        for i in 0..<count { squares += (returns[i] - mean) * (returns[i] - mean) }
        return (mean, (squares / Double(count)).squareRoot())
    }
}
