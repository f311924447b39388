import Foundation

/// `MountainCar-v0` as in Gymnasium 1.x: an under-powered car must climb a hill.
///
/// State `(position, velocity)`, Double; actions 0, 1, 2 push left, not at all, right.
///
///     velocity ← clip(velocity + (a − 1)·0.001 − 0.0025·cos(3·position), −0.07, 0.07)
///     position ← clip(position + velocity, −1.2, 0.6)
///
/// and the velocity is zeroed when the car hits the left wall moving left. The episode
/// terminates when `position ≥ 0.5` with `velocity ≥ 0`; the reward is −1 every step.
/// The start is `position ~ U[−0.6, −0.4)`, `velocity = 0`.
public struct MountainCar: Environment {
    public static let id = "MountainCar-v0"

    @inlinable public static var minPosition: Double { -1.2 }
    @inlinable public static var maxPosition: Double { 0.6 }
    @inlinable public static var maxSpeed: Double { 0.07 }
    @inlinable public static var goalPosition: Double { 0.5 }
    @inlinable static var goalVelocity: Double { 0 }
    @inlinable static var force: Double { 0.001 }
    @inlinable static var gravity: Double { 0.0025 }

    @usableFromInline var position = 0.0
    @usableFromInline var velocity = 0.0

    public var maxEpisodeSteps: Int

    public init(maxEpisodeSteps: Int = 200) {
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public var observationSize: Int { 2 }
    public var actionSpace: ActionSpace { .discrete(3) }
    public var defaultMaxEpisodeSteps: Int { 200 }
    public var state: [Double] { [position, velocity] }

    public mutating func setState(_ state: [Double]) throws {
        try validate(state, count: 2)
        (position, velocity) = (state[0], state[1])
    }

    public mutating func reset(using generator: inout RandomGenerator) {
        position = generator.uniform(-0.6, -0.4)
        velocity = 0
    }

    @inlinable
    public mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        precondition(action >= 0 && action < 3, "MountainCar action must be 0, 1 or 2")
        // Gymnasium evaluates the whole right-hand side of `velocity += ...` first.
        velocity = velocity + (Double(action - 1) * Self.force + cos(3 * position) * -Self.gravity)
        velocity = min(max(velocity, -Self.maxSpeed), Self.maxSpeed)
        position = position + velocity
        position = min(max(position, Self.minPosition), Self.maxPosition)
        if position == Self.minPosition && velocity < 0 { velocity = 0 }
        let terminated = position >= Self.goalPosition && velocity >= Self.goalVelocity
        return StepOutcome(reward: -1.0, terminated: terminated)
    }

    @inlinable
    public func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer[0] = Float(position)
        buffer[1] = Float(velocity)
    }
}
