import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

@Suite struct DeterminismTests {
    @Test func oneAndTwoWorkersWriteIdenticalFiles() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 3))
        let one = FakeTrainer()
        let two = FakeTrainer()
        two.microsecondsPerRow = 200
        let a = try SweepRunner(plan: plan, options: options(scratch.root("a"), jobs: 1), body: one.body).run()
        let b = try SweepRunner(plan: plan, options: options(scratch.root("b"), jobs: 2), body: two.body).run()

        #expect(a.completed == plan.jobs.map(\.id))
        #expect(b.completed == a.completed)
        let filesA = try snapshot(scratch.root("a"))
        let filesB = try snapshot(scratch.root("b"))
        // experiment.yaml, manifest.json, and five files per job (config, curve, variance,
        // updates, result).
        #expect(filesA.count == 2 + 5 * plan.jobs.count)
        #expect(filesA == filesB)
    }

    @Test func jobFolderHoldsConfigCurvesAndResult() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let trainer = FakeTrainer()
        trainer.rows = 8
        _ = try SweepRunner(plan: plan, options: options(scratch.root("r")), body: trainer.body).run()

        let job = plan.jobs[0]
        let folder = jobFolder(scratch.root("r"), plan, job.id)
        let config = try String(contentsOf: folder.appendingPathComponent("config.yaml"), encoding: .utf8)
        #expect(config.contains("seed: \(job.seed)"))

        let curve = try String(contentsOf: folder.appendingPathComponent("curve.csv"), encoding: .utf8)
        let lines = curve.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == CurveRow.header.joined(separator: ","))
        #expect(lines.count == 1 + 8 + 1)  // header, rows, empty after the final newline
        // The first row's train return is NaN: an empty field.
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false)[4] == "")

        let variance = try String(contentsOf: folder.appendingPathComponent("variance.csv"), encoding: .utf8)
        #expect(variance.split(separator: "\n").count == 1 + 2 * 2)

        let result = try #require(JobResult.read(from: folder.appendingPathComponent("result.json")))
        #expect(result.status == .completed)
        #expect(result.steps == 800)
        #expect(result.error == nil)
        #expect(result.finalReturn != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("tmp") }
        #expect(leftovers.isEmpty)

        let root = scratch.root("r").appendingPathComponent(plan.name)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("manifest.json")))
                as? [String: Any])
        #expect(manifest["config_hash"] as? String == SHA256.hex(plan.jobs.map(\.canonical).joined()))
        #expect(manifest["jobs"] as? Int == plan.jobs.count)
        #expect(manifest["finished"] is String)
        #expect(manifest["state"] as? String == "finished")
        #expect(manifest["tool_version"] as? String == SweepRunner.toolVersion)
        #expect((manifest["host"] as? String)?.isEmpty == false)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("experiment.yaml").path))
    }

    @Test func curvesStreamToATemporaryFileUntilTheJobEnds() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1, grid: false))
        let root = scratch.root("r")
        let folder = jobFolder(root, plan, plan.jobs[0].id)
        let seen = Box<(streamed: Int, finalExists: Bool)>()
        let rows = 5_000
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1)) { job, sink in
            for i in 1...rows {
                sink.record(CurveRow(
                    step: i, episodes: i, evalReturnMean: Double(i), evalReturnStd: 0.5, trainReturn: 1,
                    entropy: 0.25, policyLoss: -0.125, valueLoss: .nan))
            }
            // The hidden temporary `.curve.csv.<pid>.<counter>.tmp`.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let temporary = names.first { $0.hasPrefix(".curve.csv.\(getpid()).") && $0.hasSuffix(".tmp") } ?? "none"
            let partial = folder.appendingPathComponent(temporary)
            let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
            seen.value = (size, FileManager.default.fileExists(atPath: folder.appendingPathComponent("curve.csv").path))
            return TrainingOutcome(status: .completed, finalReturn: Double(rows), steps: rows)
        }.run()

        let observed = try #require(seen.value)
        // Most of the curve is on disk before the job returns, and the final name appears only after.
        let total = try #require(
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("curve.csv").path)[.size] as? Int)
        #expect(observed.streamed > total / 2)
        #expect(!observed.finalExists)
        let lines = try String(contentsOf: folder.appendingPathComponent("curve.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 1 + rows)
        #expect(lines.last == "\(rows),\(rows),\(Double(rows)),0.5,1.0,0.25,-0.125,")
    }

    @Test func resultJSONWritesNullsAndSortedKeys() throws {
        let result = JobResult(status: .failed, finalReturn: .nan, error: nil, steps: 300, seconds: 2)
        let text = result.jsonText
        #expect(text.contains("\"final_return\" : null"))
        #expect(text.contains("\"error\" : null"))
        #expect(result.stepsPerSecond == 150)
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "\"") else { return nil }
            let rest = line[line.index(after: open)...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        #expect(keys == keys.sorted())
        // Six fields, `files` (null when not recorded), `restarts` and `resumed_from_steps`.
        #expect(keys.count == 9 && text.contains("\"files\" : null"))
        #expect(text.contains("\"restarts\" : 0"))
    }

    @Test func thousandTinyJobsRunAndThenAllSkip() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1000, grid: false))
        let trainer = FakeTrainer()
        trainer.rows = 2
        let report = try SweepRunner(plan: plan, options: options(scratch.root("r")), body: trainer.body).run()
        #expect(report.completed.count == 1000)
        #expect(report.failures.isEmpty)

        let again = FakeTrainer()
        let rerun = try SweepRunner(plan: plan, options: options(scratch.root("r")), body: again.body).run()
        #expect(rerun.skipped.count == 1000)
        #expect(again.calledIds.isEmpty)
    }
}
