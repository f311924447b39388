import Foundation
import TestSupport
import Testing

/// Budgets beyond 64-bit arithmetic are refused by validation, and step counts a user edited
/// into a results folder never crash `status` or `report`.
@Suite struct OverflowBinaryTests {
    @Test func aBudgetAboveTheMaximumIsALocatedError() throws {
        let dir = TemporaryFolder()
        let config = dir.write("huge.yaml", ForgedJobFilesBinaryTests.experiment.replacingOccurrences(
            of: "steps: 400,", with: "steps: 4611686018427387904,"))
        let outcome = try BinaryRunner.run(["validate", config], in: dir.url)
        #expect(outcome.status == 2 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("huge.yaml:8:") && outcome.stderr.contains("training.steps: must be at most 1000000000000"),
                "\(outcome.stderr)")
    }

    @Test func editedStepCountsDoNotOverflowStatusOrReport() throws {
        let setup = ForgedJobFilesBinaryTests.Setup()
        #expect(try setup.run("results").status == 0)
        for job in try setup.jobs("results") {
            let url = job.appendingPathComponent("result.json")
            var result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            result["steps"] = Int.max
            try JSONSerialization.data(withJSONObject: result).write(to: url)
        }
        let folder = setup.folder("results").path
        let status = try BinaryRunner.run(["status", folder], in: setup.dir.url)
        #expect(status.status == 0 && !status.crashed, "\(status.stderr)")
        // Each job counts up to its own budget, however many steps its result claims.
        #expect(status.stdout.contains("steps 800 of 800"), "\(status.stdout)")
        let report = try BinaryRunner.run(["report", folder], in: setup.dir.url)
        #expect(report.status == 0 && !report.crashed, "\(report.stderr)")
        #expect(report.stdout.contains("2 damaged"), "\(report.stdout)")
    }
}
