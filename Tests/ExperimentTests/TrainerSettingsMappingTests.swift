import Experiment
import PolicyGradient
import Testing

/// A job's settings reach the trainer unchanged.
@Suite struct TrainerSettingsMappingTests {
    let scratch = Scratch()

    @Test func everySettingOfTheFlagshipExperimentMaps() throws {
        let plan = try ExperimentLoader().load(path: experimentsDirectory.appendingPathComponent("a2c.yaml").path)
        let job = try #require(plan.jobs.last)
        let s = job.config.settings
        let t = try job.config.trainerSettings()
        #expect(t.environment.source == .registered(id: "CartPole-v1", params: [:]))
        #expect(t.environment.numEnvs == s.environment.numEnvs && t.environment.maxEpisodeSteps == 500)
        #expect(t.policy.architecture == .mlp && t.policy.hidden == [64, 64] && t.policy.activation == .tanh)
        #expect(t.policy.initialization == .orthogonal)
        #expect(t.estimator.name == .a2c && t.estimator.gamma == 0.99 && t.estimator.nSteps == 5)
        #expect(t.baseline.rawValue == s.baseline.rawValue && t.entropyCoef == s.entropyCoef)
        #expect(t.critic.valueCoef == 0.5 && t.critic.hidden == [64, 64] && t.critic.target == .stopgrad)
        #expect(t.optimizer.configuration == .rmsprop(alpha: 0.99, eps: 1e-5))
        #expect(t.optimizer.lr == 7e-4 && t.optimizer.maxGradNorm == 0.5 && t.optimizer.schedule == .constant)
        #expect(t.training.steps == s.training.steps && t.training.evalEvery == s.training.evalEvery)
        #expect(t.training.evalEpisodes == 10 && t.training.evalPolicy == .greedy)
        #expect(t.diagnostics?.every == 50000 && t.diagnostics?.samples == 32)
        #expect(t.diagnostics?.compare == [.none, .mean, .optimal, .value])
        #expect(t.seed == UInt64(job.seed))
    }

    /// A tabular environment reaches the trainer as its id and resolved params, and the
    /// descriptor's factory builds the MDP its builder makes from them.
    @Test func tabularEnvironmentsArriveAsTheirParams() throws {
        let plan = try scratch.load("c.yaml", """
            experiment: c
            environment: {id: Chain, max_episode_steps: 12, params: {length: 3, slip: 0.3}}
            policy: {architecture: tabular}
            estimator: {name: reinforce, discount_weighting: true, reward_to_go: false}
            optimizer: {name: sgd, momentum: 0.9, lr: 0.1, max_grad_norm: null, schedule: linear}
            training: {steps: 100}
            seeds: [7]
            """)
        let t = try plan.jobs[0].config.trainerSettings()
        let expected = try Chain(length: 3, slip: 0.3, smallReward: 2, largeReward: 10, horizon: 12).mdp()
        let params: EnvironmentParameters = [
            "length": .integer(3), "slip": .real(0.3), "small_reward": .real(2), "large_reward": .real(10),
        ]
        #expect(t.environment.source == .registered(id: "Chain", params: params))
        let built = try #require(try t.environment.makeEnvironment() as? TabularEnvironment)
        #expect(built.mdp == expected && built.maxEpisodeSteps == 12)
        #expect(t.policy.architecture == .tabular && t.policy.initialization == .zeros)
        #expect(t.estimator.discountWeighting && !t.estimator.rewardToGo)
        #expect(t.optimizer.configuration == .sgd(momentum: 0.9) && t.optimizer.maxGradNorm == nil)
        #expect(t.optimizer.schedule == .linear && t.seed == 7 && t.diagnostics == nil)
    }
}
