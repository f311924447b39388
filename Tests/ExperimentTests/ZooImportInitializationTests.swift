import Experiment
import PolicyGradient
import Testing

/// `runner import zoo` maps `policy_kwargs: ortho_init=False` to PyTorch's default
/// initialization, `policy.init: uniform`; without it the initialization stays orthogonal.
@Suite struct ZooImportInitializationTests {
    @Test func orthoInitFalseBecomesUniform() throws {
        let (text, plan) = try ZooImportTests.imported(.a2c, "Pendulum-v1")
        #expect(text.contains("  init: uniform"), "\(text)")
        #expect(!text.contains("not mapped: policy_kwargs ortho_init"), "\(text)")
        #expect(plan.cells[0].settings.policy.initialization == .uniform)
    }

    @Test func withoutOrthoInitTheInitializationStaysOrthogonal() throws {
        let (text, plan) = try ZooImportTests.imported(.ppo, "CartPole-v1")
        #expect(!text.contains("init: uniform"), "\(text)")
        #expect(plan.cells[0].settings.policy.initialization == .orthogonal)
    }
}
