import Foundation
import Testing

@testable import Sweep

/// When `run --requeue-on-usr1` requeues its SLURM job, and the `scontrol` command line.
@Suite struct SlurmRequeueTests {
    static let arrayTask = ["SLURM_ARRAY_JOB_ID": "81234", "SLURM_ARRAY_TASK_ID": "7", "SLURM_JOB_ID": "81241"]

    @Test func theTimeLimitWarningWithJobsLeftRequeuesTheArrayTask() {
        let decision = SlurmRequeue.decision(requested: true, stopSignal: SIGUSR1, unfinished: 2, environment: Self.arrayTask)
        #expect(decision == .requeue(task: "81234_7"))
        #expect(decision.scontrolArguments == ["requeue", "81234_7"])
    }

    @Test func outsideAnArrayTheJobIdIsRequeued() {
        let decision = SlurmRequeue.decision(
            requested: true, stopSignal: SIGUSR1, unfinished: 1, environment: ["SLURM_JOB_ID": "500"])
        #expect(decision.scontrolArguments == ["requeue", "500"])
        // An array variable left empty does not make an id like `_3`.
        let partial = SlurmRequeue.decision(
            requested: true, stopSignal: SIGUSR1, unfinished: 1,
            environment: ["SLURM_ARRAY_JOB_ID": "", "SLURM_ARRAY_TASK_ID": "3", "SLURM_JOB_ID": "500"])
        #expect(partial == .requeue(task: "500"))
    }

    /// Not asked, stopped by another signal or by nothing, or nothing left: no requeue.
    @Test(arguments: [
        (false, SIGUSR1, 2), (true, SIGTERM, 2), (true, SIGINT, 2), (true, nil, 2), (true, SIGUSR1, 0),
    ] as [(Bool, Int32?, Int)])
    func anythingElseLeavesTheQueueAlone(requested: Bool, signal: Int32?, unfinished: Int) {
        let decision = SlurmRequeue.decision(
            requested: requested, stopSignal: signal, unfinished: unfinished, environment: Self.arrayTask)
        #expect(decision == .none)
        #expect(decision.scontrolArguments == nil)
    }

    @Test func withoutASlurmJobThereIsNothingToRequeue() {
        let decision = SlurmRequeue.decision(requested: true, stopSignal: SIGUSR1, unfinished: 1, environment: ["HOME": "/h"])
        #expect(decision == .noJob)
        #expect(decision.scontrolArguments == nil)
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
        #expect(SlurmRequeue.decision(requested: true, report: report, environment: Self.arrayTask) == .none)
        for field in [\SweepReport.interrupted, \SweepReport.notStarted] {
            var left = report
            left[keyPath: field] = ["f"]
            #expect(SlurmRequeue.decision(requested: true, report: left, environment: Self.arrayTask)
                == .requeue(task: "81234_7"))
        }
    }
}
