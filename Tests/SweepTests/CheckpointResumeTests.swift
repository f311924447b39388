import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

/// Checkpoints through the sweep with the real trainer: a job stopped several times and resumed
/// ends with the files of an uninterrupted run, byte for byte.
@Suite struct CheckpointResumeTests {
    /// A2C on CartPole with gradient-variance diagnostics, so that both CSVs span the stops.
    static let config = """
        experiment: resumable
        environment: {id: CartPole-v1, num_envs: 2}
        estimator: {name: a2c, n_steps: 5}
        training: {steps: 3000, eval_every: 500, eval_episodes: 2, checkpoint_every: 200}
        diagnostics:
          gradient_variance: {every: 1000, samples: 4, compare: [none]}
        seeds: 1

        """

    /// Runs the sweep; with `stopAtCheckpoint`, asks for a checkpoint-and-stop as soon as the
    /// first checkpoint of this run is saved (the job then saves one more and stops).
    func run(_ plan: ExperimentPlan, _ root: URL, stopAtCheckpoint: Bool, keep: Bool = false) throws -> SweepReport {
        let flag = StopFlag()
        var opts = options(root, jobs: 1)
        opts.keepCheckpoints = keep
        if stopAtCheckpoint { opts.onCheckpoint = { _, _ in flag.requestCheckpoint() } }
        return try SweepRunner(plan: plan, options: opts, stopFlag: flag, body: TrainingJob.body).run()
    }

    func curves(_ root: URL, _ plan: ExperimentPlan) throws -> [String: Data] {
        let folder = jobFolder(root, plan, plan.jobs[0].id)
        return try Dictionary(uniqueKeysWithValues: ["curve.csv", "variance.csv", "updates.csv", "config.yaml"].map {
            ($0, try Data(contentsOf: folder.appendingPathComponent($0)))
        })
    }

    @Test func aJobStoppedThreeTimesEndsByteIdenticalToAnUninterruptedOne() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(Self.config)
        let whole = scratch.root("whole"), resumed = scratch.root("resumed")
        #expect(try run(plan, whole, stopAtCheckpoint: false).completed.count == 1)

        let folder = JobFiles(root: resumed.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        var stops: [Int] = []
        for _ in 0..<3 {
            let report = try run(plan, resumed, stopAtCheckpoint: true)
            #expect(report.interrupted == [plan.jobs[0].id] && report.wasInterrupted)
            let result = try #require(JobResult.read(from: folder.result))
            #expect(result.status == .interrupted)
            let checkpoint = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
            #expect(result.steps == checkpoint.step)
            stops.append(checkpoint.step)
        }
        // Updates take 10 steps. Each run saves at the next multiple of 200 and, asked to stop
        // then, saves again at the following boundary, 10 steps on, and stops there.
        #expect(stops == [210, 410, 610])

        let last = try run(plan, resumed, stopAtCheckpoint: false)
        #expect(last.completed == [plan.jobs[0].id])
        let result = try #require(JobResult.read(from: folder.result))
        #expect(result.restarts == 3 && result.resumedFromSteps == stops)
        #expect(!FileManager.default.fileExists(atPath: folder.checkpoint.path))
        #expect(try curves(resumed, plan) == curves(whole, plan))
        var a = try snapshot(resumed), b = try snapshot(whole)
        for key in a.keys where key.hasSuffix("result.json") || key.hasSuffix("manifest.json") {
            a[key] = nil
            b[key] = nil
        }
        #expect(a == b)
    }

    @Test func keepCheckpointsKeepsTheLastOne() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(Self.config)
        let root = scratch.root("r")
        _ = try run(plan, root, stopAtCheckpoint: false, keep: true)
        let folder = JobFiles(root: root.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        let checkpoint = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
        #expect(checkpoint.step == 2800)
        // A kept checkpoint does not make a finished job run again.
        let again = try run(plan, root, stopAtCheckpoint: false)
        #expect(again.skipped == [plan.jobs[0].id])
    }

    /// A checkpoint this build cannot read (another format version, or damaged) is ignored:
    /// the job starts over, says why, and still ends as an uninterrupted run.
    @Test(arguments: ["version", "damaged"]) func anUnreadableCheckpointRestartsTheJob(_ kind: String) throws {
        let scratch = Scratch()
        let plan = try scratch.plan(Self.config)
        let whole = scratch.root("whole"), root = scratch.root("r")
        _ = try run(plan, whole, stopAtCheckpoint: false)
        _ = try run(plan, root, stopAtCheckpoint: true)
        let folder = JobFiles(root: root.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        let configText = try String(contentsOf: folder.config, encoding: .utf8)
        let text = try String(contentsOf: folder.checkpoint, encoding: .utf8)
        if kind == "version" {
            // Sealed anew, so that only the format version is wrong.
            let state = String(text.drop { $0 != "\n" }.dropFirst())
            try Self.sealed(state.replacingOccurrences(
                of: "\"formatVersion\":\(TrainingSnapshot.currentFormatVersion)", with: "\"formatVersion\":99"),
                            jobId: plan.jobs[0].id, configText: configText).write(to: folder.checkpoint)
        } else {
            try String(text.prefix(text.count / 2)).write(to: folder.checkpoint, atomically: true, encoding: .utf8)
        }
        guard case .rejected(let reason) = folder.checkpoint(jobId: plan.jobs[0].id, configText: configText) else {
            Issue.record("the checkpoint was not rejected")
            return
        }
        #expect(reason.contains(kind == "version" ? "format version 99" : "bytes where its seal records"), "\(reason)")
        let report = try run(plan, root, stopAtCheckpoint: false)
        #expect(report.warnings.count == 1 && report.warnings[0].contains("its checkpoint was not used"), "\(report.warnings)")
        let result = try #require(JobResult.read(from: folder.result))
        #expect(result.status == .completed && result.restarts == 0)
        #expect(try curves(root, plan) == curves(whole, plan))
    }

    /// `state` under a seal for `jobId` and `configText`, as `JobCheckpoint.data` writes it.
    static func sealed(_ state: String, jobId: String, configText: String) throws -> Data {
        let bytes = Data(state.utf8)
        let seal = CheckpointSeal(
            jobId: jobId, configSHA256: SHA256.hex(configText), stateBytes: bytes.count,
            stateSHA256: SHA256.hex(SHA256.digest(bytes)))
        return try JSONEncoder().encode(seal) + Data([0x0A]) + bytes
    }
}
