import Experiment
import PolicyGradient
import Testing

/// `runner import zoo` maps `use_sde` and `sde_sample_freq` to `policy.sde` and
/// `policy.sde_sample_freq`; on an environment with discrete actions `use_sde` is a
/// `# not mapped` comment.
@Suite struct ZooImportExplorationTests {
    @Test func useSDEAndSampleFrequencyAreMapped() throws {
        let (text, plan) = try ZooImportTests.imported(.ppo, "Pendulum-v1")
        #expect(!text.contains("not mapped: use_sde") && !text.contains("not mapped: sde_sample_freq"), "\(text)")
        let policy = plan.cells[0].settings.policy
        #expect(policy.sde && policy.sdeSampleFreq == 4)
        let a2c = try ZooImportTests.imported(.a2c, "Pendulum-v1").plan.cells[0].settings.policy
        #expect(a2c.sde && a2c.sdeSampleFreq == -1 && a2c.logStdInit == -2 && a2c.initialization == .uniform)
    }

    @Test func useSDEOnDiscreteActionsIsACommentAndTheNonPositiveFrequencyIsPerRollout() throws {
        let scratch = Scratch()
        let path = scratch.write("zoo.yml", "CartPole-v1:\n  use_sde: True\n  sde_sample_freq: 8\nPendulum-v1:\n  use_sde: True\n  sde_sample_freq: 0\n")
        let text = try ZooImport.experiment(fileAt: path, algorithm: .a2c, environment: "CartPole-v1")
        #expect(text.contains("# not mapped: use_sde: True  # state-dependent exploration needs continuous actions"), "\(text)")
        #expect(!(try scratch.load("cartpole.yaml", text).cells[0].settings.policy.sde))
        let pendulum = try ZooImport.experiment(fileAt: path, algorithm: .a2c, environment: "Pendulum-v1")
        let policy = try scratch.load("pendulum.yaml", pendulum).cells[0].settings.policy
        #expect(policy.sde && policy.sdeSampleFreq == -1)
    }
}
