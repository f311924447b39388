import Experiment
import PolicyGradient
import TestSupport
import Testing

/// An experiment file names a registered estimator (`WholeReturnREINFORCE`, in TestSupport):
/// validation warns about the keys it does not read, and the job trains.
@Suite struct AddedEstimatorSchemaTests {
    init() { WholeReturnREINFORCE.registered }

    static let text = minimal().replacingOccurrences(
        of: "  name: a2c\n",
        with: "  name: reinforce_whole_return\n  episodes_per_update: 2\n  reward_to_go: true\n  n_steps: 7\n")

    @Test func itsIgnoredKeysComeFromTheEstimator() throws {
        let plan = try Scratch().load("exp.yaml", Self.text)
        let estimator = try #require(plan.cells.first?.settings.estimator)
        #expect(estimator.name == WholeReturnREINFORCE.name && estimator.episodesPerUpdate == 2)
        let ignored = Set(plan.warnings.filter { $0.message.contains("reinforce_whole_return estimator does not use it") }.map(\.path))
        #expect(ignored == ["estimator.reward_to_go", "estimator.n_steps"])
        let canonical = try #require(plan.jobs.first?.canonical)
        #expect(!canonical.contains("reward_to_go") && !canonical.contains("n_steps"), "\(canonical)")
    }

    @Test func itsJobTrains() throws {
        let plan = try Scratch().load("exp.yaml", Self.text)
        let job = try #require(plan.jobs.first)
        let outcome = Trainer.run(try job.config.trainerSettings(), sink: RecordingSink())
        #expect(outcome.status == .completed && outcome.finalReturn.isFinite, "\(outcome)")
    }

    @Test func anUnknownNameListsTheRegisteredOnes() {
        let text = minimal().replacingOccurrences(of: "  name: a2c\n", with: "  name: reinforce_whole_retrun\n")
        let errors = Scratch().errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("did you mean 'reinforce_whole_return'?") == true, "\(errors)")
    }
}
