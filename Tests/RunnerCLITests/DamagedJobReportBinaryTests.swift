import Foundation
import TestSupport
import Testing

/// `runner report` names a job whose files do not match its `result.json`, leaves it out of the
/// summaries as damaged, and the next `run` redoes it.
@Suite(.serialized) struct DamagedJobReportBinaryTests {
    static let experiment = ResultsFolderLinkBinaryTests.experiment.replacingOccurrences(of: "seeds: 1", with: "seeds: 2")

    @Test(arguments: [false, true]) func cutCurveIsReportedThenRedone(midRow: Bool) throws {
        let scratch = TemporaryFolder()
        let config = scratch.write("linked.yaml", Self.experiment)
        let run = ["run", config, "--results", "results", "--no-progress", "--jobs", "1"]
        var outcome = try BinaryRunner.run(run, in: scratch.url, timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = scratch.url.appendingPathComponent("results/linked")
        let jobs = folder.appendingPathComponent("jobs")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: jobs.path).sorted().first)
        let curve = jobs.appendingPathComponent("\(id)/curve.csv")
        let intact = try Data(contentsOf: curve)
        let lastRow = String(decoding: intact, as: UTF8.self).dropLast().split(separator: "\n").last!
        try intact.prefix(intact.count - (midRow ? 5 : lastRow.utf8.count + 1)).write(to: curve)

        outcome = try BinaryRunner.run(["report", folder.path], in: scratch.url, timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: job \(id) is damaged") && outcome.stderr.contains("curve.csv"),
                "\(outcome.stderr)")
        #expect(outcome.stdout.contains("1 damaged"), "\(outcome.stdout)")
        let table = try String(contentsOf: folder.appendingPathComponent("jobs.csv"), encoding: .utf8)
        #expect(table.split(separator: "\n").filter { $0.contains(id) && $0.contains(",damaged,") }.count == 1, "\(table)")

        outcome = try BinaryRunner.run(run, in: scratch.url, timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Data(contentsOf: curve) == intact)
        outcome = try BinaryRunner.run(["report", folder.path], in: scratch.url, timeout: 300)
        #expect(outcome.status == 0 && !outcome.stderr.contains("damaged"), "\(outcome.stderr)")
    }
}
