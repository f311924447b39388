/// A single reinforcement-learning environment with Double state, stepped in place.
///
/// The contract follows Gymnasium 1.x: `reset` draws an initial state, each `step`
/// returns the reward and whether a terminal state was entered, and the observation is
/// written as Float32 into a caller-owned buffer so that stepping never allocates.
/// The time limit is not part of the environment's dynamics: `TimeLimit` counts steps
/// and reports truncation, and `maxEpisodeSteps` only records the limit to apply.
///
/// Randomness comes only from the `RandomGenerator` passed in; the classic-control
/// environments use it in `reset` alone, tabular environments also in `step`.
public protocol Environment: Sendable {
    /// Length of the observation vector written by `writeObservation(into:)`.
    var observationSize: Int { get }
    /// The actions the environment accepts.
    var actionSpace: ActionSpace { get }
    /// The time limit Gymnasium registers for this environment (a tabular MDP's horizon).
    var defaultMaxEpisodeSteps: Int { get }
    /// The time limit a `TimeLimit` around this environment applies; starts at the default.
    var maxEpisodeSteps: Int { get set }
    /// The internal state, in Gymnasium's `state` order (docs/architecture.md, "Command line").
    var state: [Double] { get }

    /// Replaces the internal state, as `env.unwrapped.state = ...` does in Gymnasium.
    ///
    /// Throws `EnvironmentError.invalidState` when the vector has the wrong length or
    /// holds a value the environment cannot represent.
    mutating func setState(_ state: [Double]) throws

    /// Draws a new initial state.
    mutating func reset(using generator: inout RandomGenerator)

    /// Applies a discrete action in `0..<n`; traps on a continuous environment.
    mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome

    /// Applies a continuous action of `dimension` values; traps on a discrete environment.
    mutating func step(continuous action: UnsafeBufferPointer<Double>, using generator: inout RandomGenerator)
        -> StepOutcome

    /// Writes the current observation, `observationSize` Float32 values, at `buffer`.
    func writeObservation(into buffer: UnsafeMutablePointer<Float>)
}

extension Environment {
    public func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        preconditionFailure("\(Self.self) takes continuous actions")
    }

    public func step(continuous action: UnsafeBufferPointer<Double>, using generator: inout RandomGenerator)
        -> StepOutcome
    {
        preconditionFailure("\(Self.self) takes discrete actions")
    }

    /// The current observation as a new array (convenient outside hot loops).
    public func observation() -> [Float] {
        [Float](unsafeUninitializedCapacity: observationSize) { buffer, count in
            writeObservation(into: buffer.baseAddress!)
            count = observationSize
        }
    }

    /// Checks that a state vector has `count` entries, all finite.
    func validate(_ state: [Double], count: Int) throws {
        guard state.count == count else {
            throw EnvironmentError.invalidState("expected \(count) state values, got \(state.count)")
        }
        guard state.allSatisfy(\.isFinite) else {
            throw EnvironmentError.invalidState("state values must be finite")
        }
    }
}
