import Testing

@testable import PolicyGradient

/// `baseline_decay`: each earlier update's weight in the constant baselines fades by λ per update.
@Suite struct BaselineDecayTests {
    @Test func earlierUpdatesFadeByTheDecay() {
        var b = RunningBaselines(decay: 0.5)
        let q1: [Float] = [1, 2, 3], q2: [Float] = [10]
        q1.withUnsafeBufferPointer { b.addQEstimates($0) }
        #expect(b.mean == 2)
        q2.withUnsafeBufferPointer { b.addQEstimates($0) }
        // (0.5·(1 + 2 + 3) + 10) / (0.5·3 + 1) = 13 / 2.5.
        #expect(b.mean == Float(13 / 2.5))
        // Products x·y, |y|²: (1·2 + 3·(−1), 4 + 1) = (−1, 5), then (4, 1):
        // b* = (0.5·(−1) + 4) / (0.5·5 + 1) = 3.5 / 3.5.
        b.addGradientProducts(x: [1, 3], y: [2, -1], count: 2)
        b.addGradientProducts(x: [4, 0], y: [1, 0], count: 2)
        #expect(b.optimal == 1)
    }

    /// With decay 1 the sums are the plain running sums, to the bit (Float inputs that a
    /// Double sum rounds, added one by one, as before the decay existed).
    @Test func decayOneIsThePlainRunningMean() {
        var b = RunningBaselines()
        var generator = RandomGenerator(seed: 3, stream: .actions)
        var sum = 0.0, count = 0
        for _ in 0..<50 {
            let q = (0..<7).map { _ in Float(generator.uniform(-100, 100)) }
            q.withUnsafeBufferPointer { b.addQEstimates($0) }
            for x in q { sum += Double(x) }
            count += q.count
        }
        #expect(b.mean == Float(sum / Double(count)))
    }

    @Test func theTrainerUsesTheSettingsDecay() throws {
        var settings = try chainReinforce(rewardToGo: true, discountWeighting: true, episodes: 2)
        settings.baseline = .mean
        settings.baselineDecay = 0.75
        let session = try #require(try Trainer.makeSession(settings) as? TrainingSession<VectorEnvironment<TabularEnvironment>>)
        #expect(session.baselines.decay == 0.75)
        settings.baselineDecay = 0
        #expect(throws: TrainerError.self) { try Trainer.makeSession(settings) }
    }
}
