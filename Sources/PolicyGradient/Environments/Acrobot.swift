import CDenseKernels
import Foundation

/// `Acrobot-v1` as in Gymnasium 1.x: a two-link pendulum actuated at the middle joint.
///
/// State `(θ₁, θ₂, θ̇₁, θ̇₂)`, Double; actions apply torque −1, 0 or +1 (no torque noise).
/// The equations of motion are the "book" version (Sutton & Barto), integrated by one
/// classical fourth-order Runge–Kutta step over `[0, dt]` with `dt = 0.2`; the angles
/// are then wrapped into `[−π, π]` and the velocities clipped to `±4π` and `±9π`.
/// The episode terminates when the tip is above the bar: `−cos θ₁ − cos(θ₁ + θ₂) > 1`;
/// the reward is −1 per step and 0 on the terminating step.
///
/// Observation: `(cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂)` as Float32. The arithmetic
/// follows Gymnasium's evaluation order, and each square `x**2` of a state variable is the C
/// library's `pow(x, 2)`, as NumPy computes it, which differs from `x·x` in the last bit for
/// about one input in a thousand, enough for trajectories to part (`runner env check
/// Acrobot-v1` checks the match); the squares of the constant lengths are exact either way.
public struct Acrobot: Environment {
    public static let id = "Acrobot-v1"

    @inlinable static var dt: Double { 0.2 }
    @inlinable static var linkLength1: Double { 1.0 }
    @inlinable static var linkMass1: Double { 1.0 }
    @inlinable static var linkMass2: Double { 1.0 }
    @inlinable static var linkCenterOfMass1: Double { 0.5 }
    @inlinable static var linkCenterOfMass2: Double { 0.5 }
    @inlinable static var linkMomentOfInertia: Double { 1.0 }
    @inlinable public static var maxVelocity1: Double { 4 * Double.pi }
    @inlinable public static var maxVelocity2: Double { 9 * Double.pi }

    @usableFromInline var theta1 = 0.0
    @usableFromInline var theta2 = 0.0
    @usableFromInline var dtheta1 = 0.0
    @usableFromInline var dtheta2 = 0.0

    public var maxEpisodeSteps: Int

    public init(maxEpisodeSteps: Int = 500) {
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public var observationSize: Int { 6 }
    public var actionSpace: ActionSpace { .discrete(3) }
    public var defaultMaxEpisodeSteps: Int { 500 }
    public var state: [Double] { [theta1, theta2, dtheta1, dtheta2] }

    public mutating func setState(_ state: [Double]) throws {
        try validate(state, count: 4)
        (theta1, theta2, dtheta1, dtheta2) = (state[0], state[1], state[2], state[3])
    }

    /// Each state variable uniform in [−0.1, 0.1), rounded to Float32 as Gymnasium's reset does.
    public mutating func reset(using generator: inout RandomGenerator) {
        theta1 = Double(Float(generator.uniform(-0.1, 0.1)))
        theta2 = Double(Float(generator.uniform(-0.1, 0.1)))
        dtheta1 = Double(Float(generator.uniform(-0.1, 0.1)))
        dtheta2 = Double(Float(generator.uniform(-0.1, 0.1)))
    }

    @inlinable
    public mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        precondition(action >= 0 && action < 3, "Acrobot action must be 0, 1 or 2")
        let torque = Double(action - 1)
        let y = SIMD4(theta1, theta2, dtheta1, dtheta2)
        let h = Self.dt
        let h2 = h / 2.0
        let k1 = Self.derivatives(y, torque: torque)
        let k2 = Self.derivatives(y + h2 * k1, torque: torque)
        let k3 = Self.derivatives(y + h2 * k2, torque: torque)
        let k4 = Self.derivatives(y + h * k3, torque: torque)
        let next = y + h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)

        theta1 = Self.wrap(next[0], -Double.pi, Double.pi)
        theta2 = Self.wrap(next[1], -Double.pi, Double.pi)
        dtheta1 = min(max(next[2], -Self.maxVelocity1), Self.maxVelocity1)
        dtheta2 = min(max(next[3], -Self.maxVelocity2), Self.maxVelocity2)

        let terminated = -cos(theta1) - cos(theta2 + theta1) > 1.0
        return StepOutcome(reward: terminated ? 0.0 : -1.0, terminated: terminated)
    }

    /// `ds/dt` of the book equations for state `s = (θ₁, θ₂, θ̇₁, θ̇₂)` and torque `a`.
    /// `x**2` as NumPy computes it for a float64: the C library's `pow(x, 2)`.
    @inlinable
    static func square(_ x: Double) -> Double { pg_library_pow(x, 2) }

    @inlinable
    static func derivatives(_ s: SIMD4<Double>, torque a: Double) -> SIMD4<Double> {
        let m1 = linkMass1, m2 = linkMass2, l1 = linkLength1
        let lc1 = linkCenterOfMass1, lc2 = linkCenterOfMass2
        let i1 = linkMomentOfInertia, i2 = linkMomentOfInertia
        let g = 9.8
        let theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3]
        let d1 =
            m1 * (lc1 * lc1) + m2 * ((l1 * l1) + (lc2 * lc2) + 2 * l1 * lc2 * cos(theta2)) + i1 + i2
        let d2 = m2 * ((lc2 * lc2) + l1 * lc2 * cos(theta2)) + i2
        let phi2 = m2 * lc2 * g * cos(theta1 + theta2 - Double.pi / 2.0)
        let phi1 =
            -m2 * l1 * lc2 * square(dtheta2) * sin(theta2)
            - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin(theta2)
            + (m1 * lc1 + m2 * l1) * g * cos(theta1 - Double.pi / 2) + phi2
        let ddtheta2 =
            (a + d2 / d1 * phi1 - m2 * l1 * lc2 * square(dtheta1) * sin(theta2) - phi2)
            / (m2 * (lc2 * lc2) + i2 - square(d2) / d1)
        let ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return SIMD4(dtheta1, dtheta2, ddtheta1, ddtheta2)
    }

    /// Shifts `x` by whole periods `M − m` until it lies in `[m, M]` (Gymnasium's `wrap`).
    @inlinable
    static func wrap(_ x: Double, _ m: Double, _ M: Double) -> Double {
        let diff = M - m
        var x = x
        while x > M { x = x - diff }
        while x < m { x = x + diff }
        return x
    }

    @inlinable
    public func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer[0] = Float(cos(theta1))
        buffer[1] = Float(sin(theta1))
        buffer[2] = Float(cos(theta2))
        buffer[3] = Float(sin(theta2))
        buffer[4] = Float(dtheta1)
        buffer[5] = Float(dtheta2)
    }
}
