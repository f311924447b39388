import Foundation
import Testing

@testable import Sweep

/// When `run --requeue-on-usr1` requeues its SLURM job, and the `scontrol` command line.
///
/// `task(_:)` is what the requeue reads from a SLURM task's environment (`SlurmBackend.currentTask`).
@Suite struct SlurmRequeueTests {
    static let arrayTask = ["SLURM_ARRAY_JOB_ID": "81234", "SLURM_ARRAY_TASK_ID": "7", "SLURM_JOB_ID": "81241"]

    static func task(_ environment: [String: String]) -> String? { SlurmBackend().currentTask(environment) }

    /// The `scontrol` arguments a decision leads to; nil when it requeues nothing.
    static func scontrolArguments(_ decision: ClusterRequeue) -> [String]? {
        guard case .requeue(let task) = decision else { return nil }
        return SlurmBackend.requeueArguments(task: task)
    }

    @Test func theTimeLimitWarningWithJobsLeftRequeuesTheArrayTask() {
        let decision = ClusterRequeue.decision(requested: true, stopSignal: SIGUSR1, unfinished: 2, task: Self.task(Self.arrayTask))
        #expect(decision == .requeue(task: "81234_7"))
        #expect(Self.scontrolArguments(decision) == ["requeue", "81234_7"])
    }

    @Test func outsideAnArrayTheJobIdIsRequeued() {
        let decision = ClusterRequeue.decision(
            requested: true, stopSignal: SIGUSR1, unfinished: 1, task: Self.task(["SLURM_JOB_ID": "500"]))
        #expect(Self.scontrolArguments(decision) == ["requeue", "500"])
        // An array variable left empty does not make an id like `_3`.
        let partial = ClusterRequeue.decision(
            requested: true, stopSignal: SIGUSR1, unfinished: 1,
            task: Self.task(["SLURM_ARRAY_JOB_ID": "", "SLURM_ARRAY_TASK_ID": "3", "SLURM_JOB_ID": "500"]))
        #expect(partial == .requeue(task: "500"))
    }

    /// Not asked, stopped by another signal or by nothing, or nothing left: no requeue.
    @Test(arguments: [
        (false, SIGUSR1, 2), (true, SIGTERM, 2), (true, SIGINT, 2), (true, nil, 2), (true, SIGUSR1, 0),
    ] as [(Bool, Int32?, Int)])
    func anythingElseLeavesTheQueueAlone(requested: Bool, signal: Int32?, unfinished: Int) {
        let decision = ClusterRequeue.decision(
            requested: requested, stopSignal: signal, unfinished: unfinished, task: Self.task(Self.arrayTask))
        #expect(decision == .none)
        #expect(Self.scontrolArguments(decision) == nil)
    }

    @Test func withoutASlurmJobThereIsNothingToRequeue() {
        let decision = ClusterRequeue.decision(requested: true, stopSignal: SIGUSR1, unfinished: 1, task: Self.task(["HOME": "/h"]))
        #expect(decision == .noJob)
        #expect(Self.scontrolArguments(decision) == nil)
    }

    /// Interrupted and never-started jobs are unfinished; completed, skipped, failed, diverged
    /// and other runners' jobs are not.
    @Test func theUnfinishedJobsOfAReportAreTheInterruptedAndTheNotStarted() {
        var report = SweepReport(directory: URL(fileURLWithPath: "/r/e"))
        report.stopSignal = SIGUSR1
        report.completed = ["a"]
        report.skipped = ["b"]
        report.failed = ["c"]
        report.diverged = ["d"]
        report.claimedElsewhere = ["e"]
        #expect(ClusterRequeue.decision(requested: true, report: report, task: Self.task(Self.arrayTask)) == .none)
        for field in [\SweepReport.interrupted, \SweepReport.notStarted] {
            var left = report
            left[keyPath: field] = ["f"]
            #expect(ClusterRequeue.decision(requested: true, report: left, task: Self.task(Self.arrayTask))
                == .requeue(task: "81234_7"))
        }
    }
}
