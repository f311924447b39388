import Foundation
import Testing
import TestSupport
@testable import PolicyGradient

/// One PPO update's statistics against Stable-Baselines3 2.9.2's `PPO.train()` on the same
/// rollout, parameters and minibatch permutations (Fixtures/sb3/ppo_update_statistics.json,
/// written by tools/sb3_ppo_update_reference.py): a categorical head (CartPole-v1), a Gaussian
/// one (Pendulum-v1), and a `target_kl` that stops the epochs.
///
/// Tolerance: both sides compute in float32 (our networks, losses and Adam; PyTorch's on CPU)
/// with different summation orders, and the means over minibatches in float64. The first
/// minibatch agrees to a few float32 ulps; each later one starts from parameters that already
/// differ by that rounding after up to 15 Adam steps at learning rate 0.03, so the values are
/// compared to 1e-4 relative with an absolute floor of 1e-6 for those near 0 (the policy loss
/// of standardized advantages, the KL, the explained variance of a critic that has not
/// learned); measured, the worst was 5e-5 relative on a policy loss of 7e-4 (3e-8 absolute).
/// The clip fraction, a share of 16-term minibatches, and the counts must be equal.
@Suite struct PPOUpdateStatisticsTests {
    struct Reference: Decodable {
        struct Settings: Decodable {
            var n_steps, batch_size, n_epochs: Int
            var learning_rate, clip_range, ent_coef, vf_coef, max_grad_norm, adam_eps, gamma, gae_lambda: Double
            var target_kl: Double?
            var hidden: [Int]
        }
        struct Batch: Decodable {
            var observations, actions: [[Float]]
            var values, log_probs, advantages, returns: [Float]
        }
        struct Case: Decodable {
            var env_id: String
            var settings: Settings
            var policy_parameters, critic_parameters: [Float]
            var batch: Batch
            var permutations: [[Int]]
            var logged: [String: Double]
            var grad_norms: [Double]
        }
        var cases: [String: Case]
    }

    static let reference: Reference? = {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let data = try? Data(contentsOf: root.appendingPathComponent("sb3/ppo_update_statistics.json"))
        else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    /// Our PPO update on the case's batch, from its parameters, in its minibatch order.
    static func ourStatistics(_ c: Reference.Case) throws -> UpdateStatistics {
        let s = c.settings
        let settings = TrainerSettings(
            environment: .init(source: .registered(id: c.env_id, params: .init()), numEnvs: 1),
            policy: .init(hidden: s.hidden),
            estimator: .init(
                name: .ppo, gamma: s.gamma, nSteps: s.n_steps, gaeLambda: s.gae_lambda, normalizeAdvantage: true,
                epochs: s.n_epochs, minibatches: s.n_steps / s.batch_size, clip: s.clip_range, targetKL: s.target_kl),
            baseline: .value,
            critic: .init(hidden: s.hidden, valueCoef: s.vf_coef),
            entropyCoef: s.ent_coef,
            optimizer: .init(configuration: .adam(eps: Float(s.adam_eps)), lr: s.learning_rate, maxGradNorm: s.max_grad_norm),
            training: .init(steps: s.n_steps * 10))
        let session = try Trainer.makeSession(settings)
        let update = try #require(session.updateRule as? PPOUpdate)
        let critic = try #require(session.critic)
        #expect(session.policy.parameters.count == c.policy_parameters.count)
        #expect(critic.parameters.count == c.critic_parameters.count)
        session.policy.parameters.parameterArray = c.policy_parameters
        critic.parameters.parameterArray = c.critic_parameters

        // The rollout as SB3's buffer holds it; Â enters as the Q-estimates with no baseline,
        // so that our advantages are SB3's bit for bit.
        let batch = session.makeRollout()
        let b = c.batch, n = b.values.count
        batch.beginFixedLength(numEnvs: 1, steps: n)
        let size = batch.observationSize
        for k in 0..<n {
            for j in 0..<size { batch.observationStorage[k * size + j] = b.observations[k][j] }
            if batch.isContinuous {
                for d in 0..<batch.actionDimension {
                    batch.continuousActionStorage[k * batch.actionDimension + d] = b.actions[k][d]
                }
            } else {
                batch.actionStorage[k] = Int(b.actions[k][0])
            }
            batch.logProbStorage[k] = b.log_probs[k]
            batch.stateValueStorage[k] = b.values[k]
            batch.qEstimateStorage[k] = b.advantages[k]
            batch.criticTargetStorage[k] = b.returns[k]
        }
        update.givenPermutations = c.permutations
        var metrics = UpdateMetrics()
        #expect(update.update(
            batch, baseline: .none, learningRate: Float(s.learning_rate), stepsDone: 0, metrics: &metrics))
        return update.statistics
    }

    @Test(arguments: ["cartpole", "pendulum", "cartpole_target_kl"])
    func statisticsMatchStableBaselines3(_ name: String) throws {
        let c = try #require(Self.reference?.cases[name], "the fixture has the case")
        let ours = try Self.ourStatistics(c)
        let logged = c.logged
        func close(_ value: Double, _ key: String, relative: Double = 1e-4, absolute: Double = 1e-6) {
            guard let expected = logged["train/" + key] else {
                Issue.record("SB3 logged no train/\(key)")
                return
            }
            #expect(isClose(value, expected, relative: relative, absolute: absolute), "\(key): \(value) vs \(expected)")
        }
        #expect(Double(ours.updates) == logged["train/n_updates"])
        close(ours.learningRate, "learning_rate", relative: 1e-7)
        close(ours.clipRange, "clip_range", relative: 1e-7)
        close(ours.entropyLoss, "entropy_loss")
        close(ours.policyGradientLoss, "policy_gradient_loss")
        close(ours.valueLoss, "value_loss")
        close(ours.loss, "loss")
        close(ours.approxKL, "approx_kl")
        close(ours.clipFraction, "clip_fraction", relative: 0, absolute: 0)
        close(ours.explainedVariance, "explained_variance")
        if c.env_id == "Pendulum-v1" {
            close(ours.std, "std")
        } else {
            #expect(ours.std.isNaN && logged["train/std"] == nil)
        }
        let meanNorm = c.grad_norms.reduce(0, +) / Double(c.grad_norms.count)
        #expect(isClose(ours.gradNorm, meanNorm, relative: 1e-4), "grad_norm: \(ours.gradNorm) vs \(meanNorm)")
        // SB3 counts the epoch it stopped in; it stopped when fewer than n_epochs were counted.
        let counted = try #require(logged["train/n_updates"]).rounded()
        let stopped: Int? = Int(counted) < c.settings.n_epochs ? Int(counted) - 1 : nil
        #expect(ours.stoppedEpoch == stopped)
        if name == "cartpole_target_kl" { #expect(stopped != nil, "the fixture's target_kl stops the epochs") }
        // The fixture exercises clipping: the ratio leaves [1 − ε, 1 + ε] for some terms.
        #expect(ours.clipFraction > 0 && ours.approxKL > 0)
    }
}
