import Foundation
import TestSupport
import Testing

/// `--set KEY=VALUE` through the built binary: every command that reads an experiment takes it,
/// errors are located on the command line, and a run records what was overridden.
@Suite struct SetOverrideBinaryTests {
    /// A tiny tabular experiment, quick to run.
    static let experiment = ExperimentFixture.text("overridden")

    @Test func validateAndPlanSeeTheOverriddenExperiment() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let validate = try BinaryRunner.run(
            ["validate", path, "--set", "grid.entropy_coef=[0, 0.01, 0.1]", "--set=seeds=[4, 5]"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "ok: 6 jobs\n")
        let plan = try BinaryRunner.run(["plan", path, "--format", "csv", "--set", "grid.entropy_coef=[0, 0.01]"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("job_id,cell,seed,entropy_coef\n"), "\(plan.stdout)")
        #expect(plan.stdout.split(separator: "\n").count == 5)
    }

    @Test func aDottedGridKeyIsSweptAndOnlyTakesASettingPath() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let plan = try BinaryRunner.run(["plan", path, "--format", "csv", "--set", "grid.estimator.gamma=[0.9, 0.99]"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("job_id,cell,seed,estimator.gamma\n"), "\(plan.stdout)")
        let run = try BinaryRunner.run([
            "run", path, "--results", dir.url.path, "--no-progress", "--no-report",
            "--set", "grid.estimator.gamma=[0.9, 0.99]", "--only", "estimator.gamma=0.99",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // Two seeds of the selected cell ran, and only they: each job's config says gamma 0.99.
        let jobs = dir.url.appendingPathComponent("overridden/jobs")
        let configs = try FileManager.default.contentsOfDirectory(atPath: jobs.path).map {
            try String(contentsOf: jobs.appendingPathComponent("\($0)/config.yaml"), encoding: .utf8)
        }
        #expect(configs.count == 2 && configs.allSatisfy { $0.contains("gamma: 0.99\n") }, "\(configs)")
    }

    @Test func aTypoIsLocatedOnTheCommandLineWithASuggestion() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let outcome = try BinaryRunner.run(["validate", path, "--set", "estimator.gama=0.98"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("""
            command line argument 4:1:11: error: estimator.gama: unknown key 'gama'; did you mean 'gamma'?
            estimator.gama=0.98
                      ^
            """), "\(outcome.stderr)")
    }

    @Test func aTypeErrorIsLocatedAtTheValue() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let outcome = try BinaryRunner.run(
            ["check", path, "--results", dir.url.path, "--set", "optimizer.lr=0.1", "--set", "optimizer.lr=fast"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("command line argument 8:1:14: error: optimizer.lr: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("optimizer.lr=fast\n             ^"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("overridden").path))
    }

    @Test func aMalformedArgumentIsAnInvalidConfiguration() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let outcome = try BinaryRunner.run(["plan", path, "--set", "estimator.gamma"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("command line argument 4:1:1: error: expected KEY=VALUE"), "\(outcome.stderr)")
    }

    @Test func aRunRecordsItsOverridesInTheManifestAndTheResolvedExperiment() throws {
        let dir = TemporaryFolder()
        let path = dir.write("exp.yaml", Self.experiment)
        let outcome = try BinaryRunner.run(
            ["run", path, "--results", dir.url.path, "--no-progress", "--jobs", "1",
             "--set", "estimator.gamma=0.5", "--set", "grid.entropy_coef=[0, 0.01]"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = dir.url.appendingPathComponent("overridden")
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["overrides"] as? [String] == ["estimator.gamma=0.5", "grid.entropy_coef=[0, 0.01]"])
        let resolved = try String(contentsOf: folder.appendingPathComponent("experiment.yaml"), encoding: .utf8)
        #expect(resolved.contains("gamma: 0.5"), "\(resolved)")
        #expect(resolved.contains("entropy_coef:"), "\(resolved)")
        // The jobs are those of the file edited the same way.
        let edited = dir.write("edited.yaml", Self.experiment.replacingOccurrences(of: "gamma: 1.0", with: "gamma: 0.5")
            + "grid: {entropy_coef: [0, 0.01]}\n")
        let plan = try BinaryRunner.run(["plan", edited, "--format", "csv"])
        let ids = plan.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(16)) }
        #expect(ids.count == 4)
        for id in ids {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("jobs/\(id)/result.json").path))
        }
        // `runner report` reads the resolved experiment back.
        let report = try BinaryRunner.run(["report", folder.path])
        #expect(report.status == 0, "\(report.stderr)")
    }
}
