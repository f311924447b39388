import ArgumentParser
import Foundation
import Results
import TestSupport
import Testing

@testable import RunnerCLI
@testable import Sweep

/// `submit`, `--wait`, `status` and `run --requeue-on-usr1` driven through `ClusterBackend`
/// with `FakeClusterBackend`: what the commands ask of any engine, and what they do with its
/// answers. SLURM's own side is in SlurmScriptsTests, SlurmOutputParsingTests and, on a real
/// cluster, the Slurm*BinaryTests.
@Suite struct ClusterBackendTests {
    let scratch = TemporaryFolder()

    func settings(tasks: Int = 4) -> ClusterSettings {
        ClusterSettings(
            config: scratch.url.path + "/e.yaml", resultsRoot: scratch.url.path + "/results", experiment: "e",
            tasks: tasks, parallel: 2)
    }

    var experiment: URL { scratch.url.appendingPathComponent("results/e") }

    @Test func submitWritesTheScriptsThenSubmitsTheArrayAndTheReportAfterIt() throws {
        let fake = FakeClusterBackend()
        let submitter = ClusterSubmitter(backend: fake, settings: settings())
        let scripts = try submitter.writeScripts()
        #expect(scripts.array.path == experiment.path + "/fake/array.job")
        #expect(try String(contentsOf: scripts.array, encoding: .utf8) == "array of 4 for e\n")
        #expect(try String(contentsOf: scripts.report, encoding: .utf8) == "report of e\n")

        let submission = try submitter.submit(scripts)
        #expect(submission.arrayJobId == "100" && submission.reportJobId == "101")
        #expect(submission.tasks == 4 && submission.parallel == 2 && submission.config.hasSuffix("/e.yaml"))
        #expect(fake.calls == [
            "submit fake-submit array 4 \(scripts.array.path)",
            "submit fake-submit report after=100 \(scripts.report.path)",
            "record 100 101",
        ])
    }

    @Test func aRefusedArrayRecordsNothingAndARefusedReportKeepsTheArray() throws {
        let refused = FakeClusterBackend()
        refused.submitIds = [nil]
        let first = ClusterSubmitter(backend: refused, settings: settings())
        #expect(throws: ExitStatus.failure) { try first.submit(try first.writeScripts()) }
        #expect(refused.records.isEmpty)

        let halfway = FakeClusterBackend()
        halfway.submitIds = ["100", nil]
        let second = ClusterSubmitter(backend: halfway, settings: settings())
        #expect(throws: ExitStatus.failure) { try second.submit(try second.writeScripts()) }
        #expect(halfway.records.map(\.arrayJobId) == ["100"] && halfway.records[0].reportJobId == nil)
    }

    @Test func waitFollowsTheReportJobAndJudgesTheArrayTasks() throws {
        let fake = FakeClusterBackend()
        let submitter = ClusterSubmitter(backend: fake, settings: settings())
        let submission = try submitter.submit(try submitter.writeScripts())
        let done = ClusterJobState(state: "COMPLETED", exitStatus: 0, signal: 0)
        fake.states = ["101": [[.init(state: "PENDING", exitStatus: 0, signal: 0)], [done]], "100": [[done, done]]]
        try submitter.wait(for: submission, pollSeconds: 0)
        #expect(fake.calls.suffix(3) == ["states 101", "states 101", "states 100"])

        // A failed task fails the wait although the report passed; a failed report gives its status.
        fake.states = ["101": [[done]], "100": [[done, .init(state: "FAILED", exitStatus: 1, signal: 0)]]]
        #expect(throws: ExitStatus.failure) { try submitter.wait(for: submission, pollSeconds: 0) }
        fake.states = ["101": [[.init(state: "FAILED", exitStatus: 3, signal: 0)]]]
        #expect(throws: ExitCode(3)) { try submitter.wait(for: submission, pollSeconds: 0) }
        // A report job the engine no longer knows.
        fake.states = [:]
        #expect(throws: ExitStatus.failure) { try submitter.wait(for: submission, pollSeconds: 0) }
    }

    @Test func statusAsksTheQueueOnceForTheRecordedJobs() throws {
        let fake = FakeClusterBackend()
        #expect(Status.queue(experiment, backend: fake) == nil)
        #expect(!fake.calls.contains { $0.hasPrefix("queue") })

        fake.recorded = .some([])
        #expect(Status.queue(experiment, backend: fake) == ClusterQueueReport(note: "no FAKE job recorded"))

        fake.recorded = .some(["100", "101"])
        #expect(Status.queue(experiment, backend: fake) == fake.queueAnswer)
        #expect(fake.calls.filter { $0.hasPrefix("queue") } == ["queue 100,101"])
    }

    /// A run stopped by SIGUSR1 with jobs left requeues its own task; nothing else does.
    @Test func theTimeLimitWarningRequeuesTheTaskThroughTheBackend() {
        var report = SweepReport(directory: experiment)
        report.stopSignal = SIGUSR1
        report.interrupted = ["a"]
        let fake = FakeClusterBackend()
        TaskRequeue.perform(requested: true, report: report, environment: ["FAKE_TASK": "100_2"], backend: fake)
        #expect(fake.calls == ["requeue 100_2"])

        TaskRequeue.perform(requested: false, report: report, environment: ["FAKE_TASK": "100_2"], backend: fake)
        TaskRequeue.perform(requested: true, report: report, environment: [:], backend: fake)
        var stopped = report
        stopped.stopSignal = SIGTERM
        TaskRequeue.perform(requested: true, report: stopped, environment: ["FAKE_TASK": "100_2"], backend: fake)
        #expect(fake.calls == ["requeue 100_2"])

        // A refusal is said, not thrown: the task still ends with the sweep's own status.
        fake.refusesRequeue = true
        TaskRequeue.perform(requested: true, report: report, environment: ["FAKE_TASK": "100_3"], backend: fake)
        #expect(fake.calls.last == "requeue 100_3")
    }

    @Test func cancelGoesToTheEngineAndItsRefusalIsAClusterError() throws {
        let fake = FakeClusterBackend()
        try fake.cancel(["100", "101"])
        fake.refusesCancel = true
        #expect(throws: ClusterError("fake-cancel refused 100_1")) { try fake.cancel(["100_1"]) }
        #expect(fake.calls == ["cancel 100 101", "cancel 100_1"])
    }
}
