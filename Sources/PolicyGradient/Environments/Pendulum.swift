import Foundation

/// `Pendulum-v1` as in Gymnasium 1.x: swing a pendulum up and hold it, with `g = 10`.
///
/// State `(θ, θ̇)`, Double; the action is one torque `u`, clipped to `[−2, 2]`. With
/// `m = l = 1`, `dt = 0.05`:
///
///     cost = normalize(θ)² + 0.1 θ̇² + 0.001 u²,   reward = −cost
///     θ̇ ← clip(θ̇ + (3g/(2l) sin θ + 3/(m l²) u) dt, −8, 8)
///     θ ← θ + θ̇ dt
///
/// where `normalize(θ) = ((θ + π) mod 2π) − π` with a floored modulo (numpy's `%`).
/// There is no terminal state: episodes end by the 200-step time limit. The start is
/// `θ ~ U[−π, π)`, `θ̇ ~ U[−1, 1)`.
///
/// The arithmetic is Gymnasium's under NumPy 2, operation by operation. The torque is a
/// Float32 (the action space's dtype), so `u`, `3/(m l²)·u`, `u²` and `0.001·u²` are Float32
/// (Python's float constants are weak scalars, NEP 50) and are widened where they meet the
/// Double terms; everything else is Double. Squares call the C library's `pow`/`powf`, as
/// numpy does on a scalar, because they can differ from `x·x` in the last bit. Traces
/// therefore agree with Gymnasium bit for bit when both use the same C library.
///
/// Observation: `(cos θ, sin θ, θ̇)` as Float32.
public struct Pendulum: Environment {
    public static let id = "Pendulum-v1"

    @inlinable public static var maxSpeed: Double { 8 }
    @inlinable public static var maxTorque: Double { 2.0 }
    @inlinable static var dt: Double { 0.05 }
    @inlinable static var mass: Double { 1.0 }
    @inlinable static var length: Double { 1.0 }
    @inlinable static var speedCostWeight: Double { 0.1 }
    /// A Double constant, rounded to Float32 where it meets the torque (as numpy does).
    @inlinable static var torqueCostWeight: Double { 0.001 }

    /// Gravitational acceleration (Gymnasium's `g` argument).
    public var gravity: Double

    @usableFromInline var theta = 0.0
    @usableFromInline var thetaDot = 0.0

    public var maxEpisodeSteps: Int

    public init(gravity: Double = 10.0, maxEpisodeSteps: Int = 200) {
        self.gravity = gravity
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public var observationSize: Int { 3 }
    public var actionSpace: ActionSpace {
        .continuous(dimension: 1, low: [-Self.maxTorque], high: [Self.maxTorque])
    }
    public var defaultMaxEpisodeSteps: Int { 200 }
    public var state: [Double] { [theta, thetaDot] }

    public mutating func setState(_ state: [Double]) throws {
        try validate(state, count: 2)
        (theta, thetaDot) = (state[0], state[1])
    }

    public mutating func reset(using generator: inout RandomGenerator) {
        theta = generator.uniform(-Double.pi, Double.pi)
        thetaDot = generator.uniform(-1.0, 1.0)
    }

    @inlinable
    public mutating func step(continuous action: UnsafeBufferPointer<Double>, using generator: inout RandomGenerator)
        -> StepOutcome
    {
        precondition(action.count == 1, "Pendulum takes one torque")
        let g = gravity, m = Self.mass, l = Self.length, dt = Self.dt
        let maxTorque = Float(Self.maxTorque)
        let u = min(max(Float(action[0]), -maxTorque), maxTorque)
        let normalized = Self.normalizeAngle(theta)
        let torqueCost = Float(Self.torqueCostWeight) * Self.power(u, 2)
        let costs =
            Self.power(normalized, 2) + Self.speedCostWeight * Self.power(thetaDot, 2) + Double(torqueCost)
        let torqueAcceleration = Float(3.0 / (m * Self.power(l, 2))) * u
        var newThetaDot = thetaDot + (3 * g / (2 * l) * sin(theta) + Double(torqueAcceleration)) * dt
        newThetaDot = min(max(newThetaDot, -Self.maxSpeed), Self.maxSpeed)
        let newTheta = theta + newThetaDot * dt
        theta = newTheta
        thetaDot = newThetaDot
        return StepOutcome(reward: -costs, terminated: false)
    }

    /// `x ** y` on a numpy Double scalar: the C library's `pow`.
    ///
    /// Kept out of line so that the optimizer, which sees `y` only inside, cannot turn
    /// `pow(x, 2)` into `x * x` (they differ in the last bit for about one input in a thousand).
    @inline(never) @usableFromInline
    static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

    /// `x ** y` on a numpy Float32 scalar: the C library's `powf`, out of line for the same reason.
    @inline(never) @usableFromInline
    static func power(_ x: Float, _ y: Float) -> Float { pow(x, y) }

    /// `((x + π) mod 2π) − π` with numpy's floored remainder (result takes the divisor's sign).
    @inlinable
    static func normalizeAngle(_ x: Double) -> Double {
        let a = x + Double.pi
        let b = 2 * Double.pi
        var mod = a.truncatingRemainder(dividingBy: b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = 0.0  // copysign(0, 2π)
        }
        return mod - Double.pi
    }

    @inlinable
    public func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer[0] = Float(cos(theta))
        buffer[1] = Float(sin(theta))
        buffer[2] = Float(thetaDot)
    }
}
