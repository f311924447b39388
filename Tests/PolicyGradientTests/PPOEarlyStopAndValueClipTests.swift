import TestSupport
import Testing
@testable import PolicyGradient

/// `target_kl` and `clip_value` in training: how many gradient steps an update takes, and that
/// the knobs left unset (or set where they cannot act) change nothing.
@Suite struct PPOEarlyStopAndValueClipTests {
    /// Runs `settings` to the end; returns the session and its curve.
    static func run(_ settings: TrainerSettings) throws -> (session: any SessionRunning, rows: [CurveRow]) {
        let session = try Trainer.makeSession(settings)
        let sink = RecordingSink()
        #expect(session.run(sink: sink, measurement: nil).status == .completed)
        return (session, sink.curve)
    }

    static func parameterBits(_ session: any SessionRunning) -> [UInt32] {
        session.policy.parameters.parameterArray.map(\.bitPattern)
            + (session.critic?.parameters.parameterArray.map(\.bitPattern) ?? [])
    }

    /// Adam's step count is the number of gradient steps taken.
    static func gradientSteps(_ session: any SessionRunning) throws -> Int {
        try #require(session.snapshot().optimizers.first).stepCount
    }

    @Test func withoutATargetEveryEpochAndMinibatchSteps() throws {
        let settings = PPOSettings.small()
        let (session, _) = try Self.run(settings)
        let perUpdate = settings.estimator.epochs * settings.estimator.minibatches
        #expect(try Self.gradientSteps(session) == session.updatesDone * perUpdate)
    }

    /// The first minibatch of an update has ratio 1 (KL 0) and steps; after that step the next
    /// minibatch's KL is positive, above 1.5 × a tiny target: one step per update.
    @Test func aTinyTargetStopsEachUpdateAfterItsFirstStep() throws {
        let (session, _) = try Self.run(PPOSettings.small(targetKL: 1e-12))
        #expect(session.updatesDone == 20)
        #expect(try Self.gradientSteps(session) == session.updatesDone)
    }

    /// A target no update reaches leaves training bit for bit as without one.
    @Test func anUnreachedTargetChangesNothing() throws {
        let (plain, plainRows) = try Self.run(PPOSettings.small())
        let (far, farRows) = try Self.run(PPOSettings.small(targetKL: 1e6))
        #expect(Self.parameterBits(plain) == Self.parameterBits(far))
        #expect(plainRows.map(\.evalReturnMean) == farRows.map(\.evalReturnMean))
    }

    /// A tight range changes how the critic trains; a wide one (nothing clipped) trains it as
    /// the plain loss does, up to the float rounding of V_old + (V − V_old).
    @Test func valueClippingChangesTheCriticAndAWideRangeDoesNot() throws {
        let (plain, _) = try Self.run(PPOSettings.small())
        let (tight, _) = try Self.run(PPOSettings.small(clipValue: 1e-3))
        let (wide, _) = try Self.run(PPOSettings.small(clipValue: 1e6))
        let plainCritic = try #require(plain.critic).parameters.parameterArray
        let tightCritic = try #require(tight.critic).parameters.parameterArray
        let wideCritic = try #require(wide.critic).parameters.parameterArray
        #expect(plainCritic != tightCritic)
        let farthest = zip(plainCritic, wideCritic).map { abs($0 - $1) }.max() ?? 0
        #expect(farthest < 1e-3, "\(farthest)")
    }
}
