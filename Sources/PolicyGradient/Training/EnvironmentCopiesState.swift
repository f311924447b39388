/// Everything that determines how a batch of copies continues: each copy's state and
/// time-limit count, its random generator, the running return and length of its episode, and
/// the observations the policy will act on next. Copies in another process keep their state
/// there and describe it as opaque text (`externalStates`, one per copy), with no native state,
/// count or generator.
public struct EnvironmentCopiesState: Codable, Sendable, Equatable {
    var states: [[Double]]
    var elapsedSteps: [Int]
    var generators: [RandomGeneratorState]
    package var episodeReturns: [Double]
    package var episodeLengths: [Int]
    package var observations: [Float]
    /// The states of copies in another process, as their backend writes them; nil for native copies.
    package var externalStates: [String]?

    /// The state of copies in another process.
    package init(externalStates: [String], episodeReturns: [Double], episodeLengths: [Int], observations: [Float]) {
        (states, elapsedSteps, generators) = ([], [], [])
        self.externalStates = externalStates
        self.episodeReturns = episodeReturns
        self.episodeLengths = episodeLengths
        self.observations = observations
    }

    init<E: Environment>(_ vector: VectorEnvironment<E>) {
        let n = vector.numEnvs
        states = (0..<n).map { vector.copies[$0].base.state }
        elapsedSteps = (0..<n).map { vector.copies[$0].elapsedSteps }
        generators = (0..<n).map { RandomGeneratorState(vector.generators[$0]) }
        episodeReturns = Array(UnsafeBufferPointer(start: vector.returnStorage, count: n))
        episodeLengths = Array(UnsafeBufferPointer(start: vector.lengthStorage, count: n))
        observations = Array(UnsafeBufferPointer(start: vector.observations.base, count: n * vector.observationSize))
    }

    /// Puts the saved copies back into `vector`, which must have as many copies of the same environment.
    func restore<E: Environment>(into vector: VectorEnvironment<E>) throws {
        let n = vector.numEnvs
        guard externalStates == nil, states.count == n, elapsedSteps.count == n, generators.count == n, episodeReturns.count == n,
            episodeLengths.count == n, observations.count == n * vector.observationSize
        else { throw TrainerError("the saved environment copies do not match this run's \(n) copies") }
        for i in 0..<n {
            try vector.copies[i].base.setState(states[i])
            vector.copies[i].elapsedSteps = elapsedSteps[i]
            vector.generators[i] = try generators[i].generator()
            vector.returnStorage[i] = episodeReturns[i]
            vector.lengthStorage[i] = episodeLengths[i]
        }
        vector.observations.base.update(from: observations, count: observations.count)
    }
}
