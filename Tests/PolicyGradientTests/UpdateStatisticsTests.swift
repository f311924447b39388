import Foundation
import Testing
import TestSupport
@testable import PolicyGradient

/// The rows a run gives `TrainingSink.record(_: UpdateStatistics)`: which columns each estimator
/// fills, `log_every`'s thinning, and the 100-episode window.
@Suite struct UpdateStatisticsTests {
    static func settings(_ name: TrainerSettings.EstimatorName, logEvery: Int = 1, continuous: Bool = false)
        -> TrainerSettings
    {
        let critic = name != .reinforce
        return TrainerSettings(
            environment: .init(id: continuous ? "Pendulum-v1" : "CartPole-v1", numEnvs: 2, maxEpisodeSteps: 50),
            policy: .init(hidden: [8]),
            estimator: .init(name: name, nSteps: 8, episodesPerUpdate: 2, epochs: 2, minibatches: 2),
            baseline: critic ? .value : .none, critic: critic ? .init(hidden: [8]) : nil,
            training: .init(steps: 800, evalEvery: 400, evalEpisodes: 2, logEvery: logEvery), seed: 7)
    }

    static func rows(_ settings: TrainerSettings) -> (rows: [UpdateStatistics], curve: [CurveRow]) {
        let sink = RecordingSink()
        #expect(Trainer.run(settings, sink: sink).status == .completed)
        return (sink.updates, sink.curve)
    }

    /// a2c fills what `A2C.train()` logs and the loss; the PPO-only columns stay empty and
    /// n_updates counts updates. REINFORCE without a critic has no value loss or explained variance.
    @Test(arguments: [TrainerSettings.EstimatorName.a2c, .reinforce])
    func singleStepEstimatorsFillTheirSubset(_ name: TrainerSettings.EstimatorName) {
        let rows = Self.rows(Self.settings(name)).rows
        #expect(rows.count >= 10)
        #expect(rows.map(\.updates) == Array(1...rows.count))
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.step < $1.step })
        for r in rows {
            #expect(r.clipRange.isNaN && r.approxKL.isNaN && r.clipFraction.isNaN && r.stoppedEpoch == nil)
            #expect(r.std.isNaN, "a discrete head has no σ")
            #expect(r.policyGradientLoss.isFinite && r.entropyLoss < 0 && r.gradNorm > 0 && r.loss.isFinite)
            #expect(r.learningRate.isFinite && r.learningRate > 0)
            #expect(r.valueLoss.isFinite == (name == .a2c) && r.explainedVariance.isFinite == (name == .a2c))
        }
        #expect(rows.last.map { $0.episodeReturnMean.isFinite && $0.episodeLengthMean >= 1 } ?? false)
    }

    /// PPO: the clip range and the KL columns, n_updates counting epochs, σ for a Gaussian head
    /// (1 at the start, log σ = 0).
    @Test func ppoFillsEveryColumnAndCountsEpochs() {
        let rows = Self.rows(Self.settings(.ppo, continuous: true)).rows
        #expect(rows.map(\.updates) == rows.indices.map { 2 * ($0 + 1) })
        for r in rows {
            #expect(r.clipRange == Double(Float(0.2)) && r.approxKL >= 0 && (0...1).contains(r.clipFraction))
            #expect(r.std.isFinite && abs(r.std - 1) < 0.1 && r.explainedVariance.isFinite && r.valueLoss > 0)
        }
        #expect(rows.contains { $0.approxKL > 0 })
    }

    /// Every k-th update gives a row, the same one an unthinned run gives then; the curve is
    /// unchanged.
    @Test func logEveryKeepsEveryKthRow() {
        let all = Self.rows(Self.settings(.a2c)), third = Self.rows(Self.settings(.a2c, logEvery: 3))
        let expected = all.rows.enumerated().filter { ($0.offset + 1) % 3 == 0 }.map(\.element)
        #expect(third.rows.map(\.step) == expected.map(\.step))
        #expect(third.rows.map(\.loss) == expected.map(\.loss))
        #expect(third.rows.map(\.episodeReturnMean) == expected.map(\.episodeReturnMean))
        #expect(bitPatterns(third.curve) == bitPatterns(all.curve))
    }

    /// The window keeps the last 100 episodes in order; its means are theirs.
    @Test func theEpisodeWindowKeepsTheLast100() {
        var window = RecentEpisodes()
        #expect(window.returnMean.isNaN && window.lengthMean.isNaN)
        window.add(returns: (0..<70).map(Double.init), lengths: Array(0..<70))
        window.add(returns: (70..<150).map(Double.init), lengths: Array(70..<150))
        #expect(window.returns == (50..<150).map(Double.init) && window.lengths == Array(50..<150))
        #expect(window.returnMean == 99.5 && window.lengthMean == 99.5)
    }
}
