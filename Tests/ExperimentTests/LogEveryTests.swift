import Experiment
import Testing

/// `training.log_every`: validated, and part of a job's identity only when not the default 1.
@Suite struct LogEveryTests {
    @Test func belowOneIsALocatedError() {
        let scratch = Scratch()
        for value in ["0", "-5"] {
            scratch.expectSingleError(
                minimal(training: "log_every", value), line: 8, column: 14, path: "training.log_every",
                contains: "must be at least 1")
        }
    }

    /// Spelling out 1 keeps ids and config.yaml; another value makes other jobs (their
    /// updates.csv differs) and is written into config.yaml.
    @Test func onlyAValueOtherThanOneChangesJobIds() throws {
        let scratch = Scratch()
        let plain = try scratch.load("a.yaml", minimal())
        let spelled = try scratch.load("b.yaml", minimal(training: "log_every", "1"))
        let thinned = try scratch.load("c.yaml", minimal(training: "log_every", "10"))
        #expect(spelled.jobs.map(\.id) == plain.jobs.map(\.id))
        #expect(spelled.jobs.map(\.canonical) == plain.jobs.map(\.canonical))
        #expect(Set(thinned.jobs.map(\.id)).isDisjoint(with: plain.jobs.map(\.id)))
        #expect(thinned.jobs[0].canonical.contains("\"log_every\":10"))
        #expect(try thinned.jobs[0].config.trainerSettings().training.logEvery == 10)
        #expect(try plain.jobs[0].config.trainerSettings().training.logEvery == 1)
    }
}
