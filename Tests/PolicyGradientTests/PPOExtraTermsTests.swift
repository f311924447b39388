import Foundation
import Testing
@testable import PolicyGradient

/// PPO's value clipping, approximate KL and clip schedule against Stable-Baselines3's own
/// expressions (Fixtures/sb3/ppo_terms.json, written by tools/sb3_ppo_terms.py).
@Suite struct PPOExtraTermsTests {
    struct Terms: Decodable {
        struct ValueClipping: Decodable {
            var clip_range_vf: Float
            var values, old_values, returns, gradient: [Float]
            var loss: Float
        }
        struct KL: Decodable {
            var log_prob, old_log_prob: [Float]
            var approx_kl: Float
        }
        struct Schedule: Decodable {
            var initial: Float
            var progress_remaining: [Double]
            var clip_range: [Float]
        }
        var value_clipping: ValueClipping
        var approx_kl: KL
        var clip_schedule: Schedule
    }

    static func terms() throws -> Terms {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try JSONDecoder().decode(Terms.self, from: Data(contentsOf: root.appendingPathComponent("sb3/ppo_terms.json")))
    }

    /// L_V = mean (V^clip − R)² and ∂L_V/∂V = 2 (V^clip − R) / M inside the range, 0 outside:
    /// PyTorch's value and autograd gradient to float32 rounding.
    @Test func clippedValueLossMatchesStableBaselines3() throws {
        let f = try Self.terms().value_clipping
        var factors = [Float](repeating: 0, count: f.values.count)
        let sum = ClippedValueLoss.loss(
            values: f.values, oldValues: f.old_values, targets: f.returns, clip: f.clip_range_vf, scale: 1,
            count: f.values.count, gradient: &factors)
        let m = Float(f.values.count)
        #expect(abs(sum / m - f.loss) <= 1e-6 * max(1, abs(f.loss)), "\(sum / m) vs \(f.loss)")
        let gradient = factors.map { 2 * $0 / m }
        for (ours, theirs) in zip(gradient, f.gradient) {
            #expect(abs(ours - theirs) <= 1e-6, "\(gradient) vs \(f.gradient)")
        }
        // The fixture has terms on both sides of the range and inside it.
        #expect(f.gradient.contains(0) && f.gradient.contains { $0 != 0 })
    }

    @Test func approximateKLMatchesStableBaselines3() throws {
        let f = try Self.terms().approx_kl
        let kl = ApproximateKL.estimate(logProbs: f.log_prob, oldLogProbs: f.old_log_prob)
        #expect(abs(kl - f.approx_kl) <= 1e-6 * max(1, f.approx_kl), "\(kl) vs \(f.approx_kl)")
        #expect(ApproximateKL.estimate(logProbs: f.log_prob, oldLogProbs: f.log_prob) == 0)
    }

    /// PPO's ε at a given point of training: rl-zoo3's `lin_0.2` at the same progress.
    @Test func linearClipScheduleMatchesStableBaselines3() throws {
        let f = try Self.terms().clip_schedule
        let total = 1000
        for (remaining, expected) in zip(f.progress_remaining, f.clip_range) {
            var settings = PPOSettings.small(clipSchedule: .linear)
            settings.estimator.clip = Double(f.initial)
            settings.training.steps = total
            let update = try PPOSettings.update(of: settings)
            let clip = update.clipRange(stepsDone: Int((1 - remaining) * Double(total)))
            #expect(abs(clip - expected) <= 1e-7, "\(remaining): \(clip) vs \(expected)")
        }
        let constant = try PPOSettings.update(of: PPOSettings.small())
        #expect(constant.clipRange(stepsDone: 900) == 0.2)
        // Past the budget (the last update may overrun it) ε stays at 0, as the learning rate.
        let linear = try PPOSettings.update(of: PPOSettings.small(clipSchedule: .linear))
        #expect(linear.clipRange(stepsDone: 5000) == 0)
    }
}

/// Small PPO settings for the tests of its extra knobs.
enum PPOSettings {
    static func small(
        clipSchedule: LearningRateSchedule = .constant, clipValue: Double? = nil, targetKL: Double? = nil
    ) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 2, maxEpisodeSteps: 50),
            policy: .init(hidden: [8]),
            estimator: .init(
                name: .ppo, nSteps: 16, epochs: 3, minibatches: 4,
                clipSchedule: clipSchedule, clipValue: clipValue, targetKL: targetKL),
            baseline: .value,
            critic: .init(hidden: [8]),
            optimizer: .init(configuration: .adam(), lr: 3e-3),
            training: .init(steps: 640, evalEvery: 320, evalEpisodes: 2),
            seed: 5)
    }

    /// The session's PPO update rule.
    static func update(of settings: TrainerSettings) throws -> PPOUpdate {
        let session = try Trainer.makeSession(settings)
        return try #require(session.updateRule as? PPOUpdate)
    }
}
