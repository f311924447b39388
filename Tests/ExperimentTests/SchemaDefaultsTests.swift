import Experiment
import PolicyGradient
import Testing

/// A setting left out of an experiment file gets the core's default: the schema and the
/// trainer's settings agree on every optimizer value and on the number of copies.
struct SchemaDefaultsTests {
    let scratch = Scratch()

    func trainerSettings(_ extra: String) throws -> TrainerSettings {
        let plan = try scratch.load("exp.yaml", minimal(extra))
        return try #require(plan.jobs.first).config.trainerSettings()
    }

    @Test(arguments: [
        ("sgd", OptimizerConfiguration.sgd()), ("adam", .adam()), ("rmsprop", .rmsprop()),
    ])
    func anOmittedOptimizerSettingIsTheCoresDefault(name: String, configuration: OptimizerConfiguration) throws {
        let decoded = try trainerSettings("optimizer: {name: \(name)}\n").optimizer
        #expect(decoded == TrainerSettings.Optimizer(configuration: configuration))
    }

    @Test func anOmittedSectionIsTheCoresDefault() throws {
        let decoded = try trainerSettings("")
        #expect(decoded.optimizer == TrainerSettings.Optimizer())
        #expect(decoded.environment.numEnvs == TrainerSettings.Environment(id: "CartPole-v1").numEnvs)
    }
}
