import Foundation
import Testing
@testable import PolicyGradient

/// `EnvironmentNormalizer` replays what Stable-Baselines3's `VecNormalize` saw on three CartPole
/// copies (Fixtures/sb3/vecnormalize.json, written by tools/sb3_vecnormalize.py) and must give
/// what it gave: normalized observations, rewards and final observations at every step, and the
/// same running statistics.
///
/// Tolerances: SB3 averages each batch of float32 observations in float32 (numpy's mean and var
/// keep the input's type) where we use Double, so statistics agree to about 1e-7 relative and
/// the standardized observations, divided by standard deviations as small as 0.01 early on, to
/// 1e-4; the return statistics are float64 on both sides (CartPole's rewards are 1), and the
/// scaled rewards agree once rounded to float32, as SB3 returns them.
@Suite struct VecNormalizeParityTests {
    struct Fixture: Decodable {
        struct Reset: Decodable { var raw, normalized: [Double] }
        struct Final: Decodable {
            var copy: Int
            var raw, normalized: [Double]
        }
        struct Step: Decodable {
            var raw, rewards, normalized, normalized_rewards: [Double]
            var dones: [Bool]
            var finals: [Final]
        }
        var num_envs, observation_size: Int
        var gamma, clip_observations, clip_rewards, epsilon: Double
        var reset: Reset
        var steps: [Step]
        var obs_mean, obs_var: [Double]
        var obs_count, ret_var, ret_count: Double
        var frozen_normalized: [Double]
    }

    static func fixture() throws -> Fixture {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try JSONDecoder().decode(
            Fixture.self, from: Data(contentsOf: root.appendingPathComponent("sb3/vecnormalize.json")))
    }

    static func expectClose(
        _ ours: [Double], _ theirs: [Double], tolerance: Double, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(ours.count == theirs.count, "\(what)", sourceLocation: sourceLocation)
        let worst = zip(ours, theirs).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(worst <= tolerance, "\(what): \(ours) vs \(theirs)", sourceLocation: sourceLocation)
    }

    @Test func replayMatchesStableBaselines3() throws {
        let f = try Self.fixture()
        let n = f.num_envs, size = f.observation_size
        let settings = Normalization(
            observations: true, rewards: true, clipObservations: f.clip_observations, clipRewards: f.clip_rewards,
            epsilon: f.epsilon)
        let normalizer = EnvironmentNormalizer(settings: settings, gamma: f.gamma, observationSize: size, numEnvs: n)
        var observations = f.reset.raw.map(Float.init)
        normalizer.afterReset(observations: &observations, count: n, observationSize: size)
        Self.expectClose(observations.map(Double.init), f.reset.normalized, tolerance: 1e-4, "reset")

        var finals = [Float](repeating: 0, count: n * size)
        for (t, step) in f.steps.enumerated() {
            observations = step.raw.map(Float.init)
            var rewards = step.rewards
            for final in step.finals {
                for j in 0..<size { finals[final.copy * size + j] = Float(final.raw[j]) }
            }
            let truncated = [Bool](repeating: false, count: n)
            normalizer.afterStep(
                observations: &observations, finalObservations: &finals, rewards: &rewards,
                terminated: step.dones, truncated: truncated, count: n, observationSize: size)
            Self.expectClose(observations.map(Double.init), step.normalized, tolerance: 1e-4, "observations at step \(t)")
            // SB3 hands the scaled rewards over as float32; the rollout keeps them as Float too.
            Self.expectClose(
                rewards.map { Double(Float($0)) }, step.normalized_rewards, tolerance: 1e-7, "rewards at step \(t)")
            for final in step.finals {
                Self.expectClose(
                    finals[(final.copy * size)..<((final.copy + 1) * size)].map(Double.init), final.normalized,
                    tolerance: 1e-4, "final observation of copy \(final.copy) at step \(t)")
            }
        }
        // Episodes ended along the way, so the returns were reset and the final observations used.
        #expect(f.steps.contains { !$0.finals.isEmpty })

        let state = normalizer.learnedState
        Self.expectClose(state.observations.mean, f.obs_mean, tolerance: 1e-6, "observation mean")
        Self.expectClose(state.observations.variance, f.obs_var, tolerance: 1e-6, "observation variance")
        #expect(abs(state.observations.count - f.obs_count) <= 1e-9)
        Self.expectClose(state.returns.variance, [f.ret_var], tolerance: 1e-12, "return variance")
        #expect(abs(state.returns.count - f.ret_count) <= 1e-9)

        // Frozen (SB3's training = False): the last raw observations standardized, nothing learned.
        let frozen = EnvironmentNormalizer(frozen: normalizer, numEnvs: n)
        var last = try #require(f.steps.last).raw.map(Float.init)
        frozen.afterReset(observations: &last, count: n, observationSize: size)
        Self.expectClose(last.map(Double.init), f.frozen_normalized, tolerance: 1e-4, "frozen")
        #expect(normalizer.learnedState == state)
    }
}
