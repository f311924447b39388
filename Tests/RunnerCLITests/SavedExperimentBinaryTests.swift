import Foundation
import TestSupport
import Testing
import YAML

/// The `experiment.yaml` a run saves reads back: `report` works on any folder `run` wrote,
/// whatever characters the experiment's strings hold.
@Suite struct SavedExperimentBinaryTests {
    @Test func aDescriptionWithNonPrintableCharactersIsReportedAgain() throws {
        let dir = TemporaryFolder()
        // Escapes YAML accepts in double quotes, for characters it does not accept raw.
        let description = "odd \\uFFFF \\uFFFE bell \\a del \\x7F c1 \\x9B nel \\N end"
        let config = dir.write("odd.yaml", ExperimentFixture.text(
            "tiny", replacing: [("experiment: tiny", "experiment: odd\ndescription: \"\(description)\"")]))
        let results = dir.url.appendingPathComponent("results")
        let run = try BinaryRunner.run(["run", config, "--results", results.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = results.appendingPathComponent("odd")
        let report = try BinaryRunner.run(["report", folder.path], in: dir.url)
        #expect(!report.crashed, "\(report.stderr)")
        #expect(report.status == 0, "\(report.stderr)")
        // The saved file holds the same description, code point for code point.
        let saved = try YAMLParser.parse(fileAt: folder.appendingPathComponent("experiment.yaml").path)
        let original = try YAMLParser.parse(fileAt: config)
        guard case .string(let got)? = saved["description"]?.resolved,
            case .string(let want)? = original["description"]?.resolved
        else {
            Issue.record("no description in \(saved)")
            return
        }
        #expect(Array(got.unicodeScalars) == Array(want.unicodeScalars))
        #expect(want.unicodeScalars.contains("\u{FFFF}") && want.unicodeScalars.contains("\u{9B}"))
    }
}
