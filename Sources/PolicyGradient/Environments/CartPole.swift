import Foundation

/// `CartPole-v1` as in Gymnasium 1.x: a pole balanced on a cart pushed left or right.
///
/// State `(x, ẋ, θ, θ̇)`, Double. With force `F = ±10`, total mass `M = m_c + m_p`,
/// half pole length `l` and `pml = m_p l`:
///
///     temp = (F + pml θ̇² sin θ) / M
///     θ̈   = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos² θ / M))
///     ẍ   = temp − pml θ̈ cos θ / M
///
/// then one explicit Euler step of `τ = 0.02` s (positions from the old velocities).
/// The episode terminates when `|x| > 2.4` or `|θ| > 12°`; the reward is 1 per step,
/// the terminating step included. The expressions keep Gymnasium's evaluation order so
/// the Double results agree with it to the last bit wherever `sin`/`cos` agree.
///
/// Stepping after termination continues the dynamics and, as Gymnasium does, pays 0
/// from the second post-termination step on (until the next `reset` or `setState`);
/// learners never do this, since episodes end at termination.
public struct CartPole: Environment {
    public static let id = "CartPole-v1"

    @inlinable static var gravity: Double { 9.8 }
    @inlinable static var massCart: Double { 1.0 }
    @inlinable static var massPole: Double { 0.1 }
    @inlinable static var totalMass: Double { massPole + massCart }
    /// Half the pole's length.
    @inlinable static var length: Double { 0.5 }
    @inlinable static var poleMassLength: Double { massPole * length }
    @inlinable static var forceMagnitude: Double { 10.0 }
    @inlinable static var tau: Double { 0.02 }
    /// 12 degrees, computed as Gymnasium does (`12 * 2 * pi / 360`).
    @inlinable public static var thetaThreshold: Double { 12 * 2 * Double.pi / 360 }
    @inlinable public static var xThreshold: Double { 2.4 }

    @usableFromInline var x = 0.0
    @usableFromInline var xDot = 0.0
    @usableFromInline var theta = 0.0
    @usableFromInline var thetaDot = 0.0
    /// Whether a terminating step has already been taken (Gymnasium's `steps_beyond_terminated`).
    @usableFromInline var terminatedBefore = false

    public var maxEpisodeSteps: Int

    public init(maxEpisodeSteps: Int = 500) {
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public var observationSize: Int { 4 }
    public var actionSpace: ActionSpace { .discrete(2) }
    public var defaultMaxEpisodeSteps: Int { 500 }
    public var state: [Double] { [x, xDot, theta, thetaDot] }

    public mutating func setState(_ state: [Double]) throws {
        try validate(state, count: 4)
        (x, xDot, theta, thetaDot) = (state[0], state[1], state[2], state[3])
        terminatedBefore = false
    }

    /// Each state variable uniform in [−0.05, 0.05).
    public mutating func reset(using generator: inout RandomGenerator) {
        x = generator.uniform(-0.05, 0.05)
        xDot = generator.uniform(-0.05, 0.05)
        theta = generator.uniform(-0.05, 0.05)
        thetaDot = generator.uniform(-0.05, 0.05)
        terminatedBefore = false
    }

    @inlinable
    public mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        precondition(action == 0 || action == 1, "CartPole action must be 0 or 1")
        let force = action == 1 ? Self.forceMagnitude : -Self.forceMagnitude
        let cosTheta = cos(theta)
        let sinTheta = sin(theta)
        let temp = (force + Self.poleMassLength * (thetaDot * thetaDot) * sinTheta) / Self.totalMass
        let thetaAcc =
            (Self.gravity * sinTheta - cosTheta * temp)
            / (Self.length * (4.0 / 3.0 - Self.massPole * (cosTheta * cosTheta) / Self.totalMass))
        let xAcc = temp - Self.poleMassLength * thetaAcc * cosTheta / Self.totalMass
        x = x + Self.tau * xDot
        xDot = xDot + Self.tau * xAcc
        theta = theta + Self.tau * thetaDot
        thetaDot = thetaDot + Self.tau * thetaAcc

        let terminated =
            x < -Self.xThreshold || x > Self.xThreshold
            || theta < -Self.thetaThreshold || theta > Self.thetaThreshold
        var reward = 1.0
        if terminated {
            if terminatedBefore { reward = 0.0 }
            terminatedBefore = true
        }
        return StepOutcome(reward: reward, terminated: terminated)
    }

    @inlinable
    public func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer[0] = Float(x)
        buffer[1] = Float(xDot)
        buffer[2] = Float(theta)
        buffer[3] = Float(thetaDot)
    }
}
