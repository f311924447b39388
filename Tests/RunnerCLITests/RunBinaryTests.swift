import Foundation
import TestSupport
import Testing

/// `runner run`, `report` and `check` end to end, through the built binary.
@Suite(.serialized) struct RunBinaryTests {
    /// A small sweep of fast tabular jobs: 2 cells x 3 seeds.
    static let sweep = ExperimentFixture.text("e2e")

    /// Every CSV and script under `directory`, by relative path.
    static func outputs(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator {
            let ext = url.pathExtension
            guard ext == "csv" || ext == "gp" || ext == "dat" || url.lastPathComponent == "config.yaml" else { continue }
            files[String(url.path.dropFirst(directory.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Starts `runner run CONFIG --jobs 1` in the background, its output discarded.
    static func startSweep(_ config: String, results: URL) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.executable
        process.arguments = ["run", config, "--jobs", "1", "--results", results.path, "--no-progress"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` while `process` runs, for two minutes at most.
    static func wait(for process: Process, until condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(120)
        while !condition() && Date() < deadline && process.isRunning { usleep(20_000) }
    }

    /// The ids of the job folders under `jobs` holding a result (with `status`, when given).
    static func jobs(in jobs: URL, status: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []).filter {
            guard let text = try? String(contentsOf: jobs.appendingPathComponent("\($0)/result.json"), encoding: .utf8)
            else { return false }
            return status.map { text.contains("\"\($0)\"") } ?? true
        }.sorted()
    }

    @Test func oneWorkerAndTwoWorkersWriteByteIdenticalOutputs() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep)
        let one = try BinaryRunner.run(["run", config, "--jobs", "1", "--results", dir.url.appendingPathComponent("one").path, "--no-progress"], in: dir.url)
        let two = try BinaryRunner.run(["run", config, "--jobs", "2", "--results", dir.url.appendingPathComponent("two").path, "--no-progress"], in: dir.url)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(two.status == 0, "\(two.stderr)")
        let a = try Self.outputs(dir.url.appendingPathComponent("one/e2e"))
        let b = try Self.outputs(dir.url.appendingPathComponent("two/e2e"))
        #expect(a.keys.contains("/summary.csv") && a.keys.contains("/variance_summary.csv"))
        #expect(a.keys.filter { $0.hasSuffix("curve.csv") }.count == 6)
        #expect(a == b, "differing: \(Set(a.keys).symmetricDifference(b.keys)) \(a.keys.filter { a[$0] != b[$0] })")
    }

    @Test func reportRebuildsTheSummariesFromTheJobFolders() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep)
        let run = try BinaryRunner.run(["run", config, "--results", dir.url.path, "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = dir.url.appendingPathComponent("e2e")
        let before = try Self.outputs(folder)
        for name in ["summary.csv", "curves_summary.csv", "variance_summary.csv", "jobs.csv", "plots"] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        let report = try BinaryRunner.run(["report", folder.path, "--render", "svg"], in: dir.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try Self.outputs(folder) == before)
        #expect(report.stdout.contains("baseline=value"))
        let notResults = try BinaryRunner.run(["report", dir.url.path], in: dir.url)
        #expect(notResults.status == 64)
    }

    @Test func aKilledRunResumesWithoutRecomputingFinishedJobs() throws {
        let dir = TemporaryFolder()
        // Longer jobs so the kill lands mid-sweep.
        let config = dir.write("e2e.yaml", Self.sweep.replacingOccurrences(of: "steps: 4000,", with: "steps: 400000,"))
        let results = dir.url.appendingPathComponent("r")
        let process = try Self.startSweep(config, results: results)
        let jobs = results.appendingPathComponent("e2e/jobs")
        Self.wait(for: process, until: { Self.jobs(in: jobs).count >= 2 })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let done = Self.jobs(in: jobs)
        #expect(done.count >= 2 && done.count < 6, "finished before the kill: \(done.count)")
        var dates: [String: Date] = [:]
        for id in done {
            dates[id] = try FileManager.default.attributesOfItem(
                atPath: jobs.appendingPathComponent("\(id)/curve.csv").path)[.modificationDate] as? Date
        }
        let rerun = try BinaryRunner.run(["run", config, "--jobs", "2", "--results", results.path, "--no-progress"], in: dir.url, timeout: 300)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for id in done {
            let after = try FileManager.default.attributesOfItem(
                atPath: jobs.appendingPathComponent("\(id)/curve.csv").path)[.modificationDate] as? Date
            #expect(after == dates[id], "job \(id) was recomputed")
        }
        // The outcome equals an uninterrupted run.
        let clean = dir.url.appendingPathComponent("clean")
        let uninterrupted = try BinaryRunner.run(["run", config, "--jobs", "2", "--results", clean.path, "--no-progress"], in: dir.url, timeout: 300)
        #expect(uninterrupted.status == 0)
        #expect(try Self.outputs(results.appendingPathComponent("e2e")) == Self.outputs(clean.appendingPathComponent("e2e")))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsCleanlyWithExit130(signal: Int32) throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep.replacingOccurrences(of: "steps: 4000,", with: "steps: 400000,"))
        let results = dir.url.appendingPathComponent("r")
        let process = try Self.startSweep(config, results: results)
        let jobs = results.appendingPathComponent("e2e/jobs")
        func count(_ status: String) -> Int { Self.jobs(in: jobs, status: status).count }
        // A job in flight: one finished, and the next one writing its curve.
        func writing() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []).contains { id in
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: jobs.appendingPathComponent(id).path)) ?? []
                return !entries.contains("result.json") && entries.contains { $0.hasPrefix(".curve.csv.") }
            }
        }
        Self.wait(for: process, until: { count("completed") >= 1 && writing() })
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        // Finished jobs are kept; the job in flight is recorded as interrupted.
        #expect(count("completed") >= 1)
        #expect(count("interrupted") == 1)
    }

    @Test func aDivergingJobIsReportedWhileTheOthersComplete() throws {
        let dir = TemporaryFolder()
        let config = dir.write("div.yaml", Self.sweep
            .replacingOccurrences(of: "optimizer: {name: adam, lr: 0.05}", with: "optimizer: {name: sgd, max_grad_norm: null}")
            .replacingOccurrences(of: "grid:\n  baseline: [none, value]", with: "grid:\n  optimizer.lr: [0.05, 1.0e+300]"))
        let outcome = try BinaryRunner.run(["run", config, "--results", dir.url.path, "--no-progress"], in: dir.url)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("diverged"))
        let summary = try String(contentsOf: dir.url.appendingPathComponent("e2e/summary.csv"), encoding: .utf8)
        let lines = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 3)
        let n = lines[0].firstIndex(of: "n")!, diverged = lines[0].firstIndex(of: "diverged")!
        // The sane cell completed all its seeds; the other recorded its divergences.
        #expect(lines[1][n] == "3" && lines[1][diverged] == "0", "\(summary)")
        #expect(lines[2][n] == "0" && lines[2][diverged] == "3", "\(summary)")
    }

    @Test func updateReferenceRefusesWhileAJobDiverges() throws {
        let dir = TemporaryFolder()
        let diverging = Self.sweep
            .replacingOccurrences(of: "optimizer: {name: adam, lr: 0.05}", with: "optimizer: {name: sgd, max_grad_norm: null}")
            .replacingOccurrences(of: "grid:\n  baseline: [none, value]", with: "grid:\n  optimizer.lr: [0.05, 1.0e+300]")
            .replacingOccurrences(of: "  min: 0.5\n", with: "  reference: ref.csv\n")
        let config = dir.write("div.yaml", diverging)
        let outcome = try BinaryRunner.run(["check", config, "--update-reference", "--results", dir.url.path], in: dir.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("the reference was not written"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("ref.csv").path))
        // With every job sound (another experiment, so another results folder), the reference
        // is written and the next check passes against it.
        let sound = dir.write("div.yaml", diverging.replacingOccurrences(of: "1.0e+300", with: "0.01"))
        let soundResults = dir.url.appendingPathComponent("sound").path
        let update = try BinaryRunner.run(["check", sound, "--update-reference", "--results", soundResults], in: dir.url)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("ref.csv").path))
        let check = try BinaryRunner.run(["check", sound, "--results", soundResults], in: dir.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func checkPassesAndFailsOnAnInjectedRegression() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep)
        let pass = try BinaryRunner.run(["check", config, "--results", dir.url.path], in: dir.url)
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e/regression.csv").path))
        // The same results held to an unreachable bar: a regression.
        let strict = dir.write("e2e.yaml", Self.sweep.replacingOccurrences(of: "min: 0.5", with: "min: 5.0"))
        let fail = try BinaryRunner.run(["check", strict, "--results", dir.url.path], in: dir.url)
        #expect(fail.status == 1, "\(fail.stdout)\(fail.stderr)")
        #expect(fail.stdout.contains("fail"))
    }

    @Test func aHostileGridValueNeverBecomesALabel() throws {
        let dir = TemporaryFolder()
        let hostile = #"'`touch PWNED`\" system(\"touch PWNED2\") \\'"#
        let config = dir.write("h.yaml", Self.sweep.replacingOccurrences(
            of: "baseline: [none, value]", with: "baseline: [none, \"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\"]"))
        let outcome = try BinaryRunner.run(["run", config, "--results", dir.url.path], in: dir.url)
        // Every string setting is an enumeration: the value is rejected, located, and nothing runs.
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("h.yaml:"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("e2e").path))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("PWNED").path))
    }
}
