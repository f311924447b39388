import Foundation
import Results
import Testing

@testable import Sweep

/// The order in which workers take jobs, and when they look again at jobs other runners held.
@Suite struct JobQueueTests {
    let ran = JobOutcome.ran(JobResult(status: .completed, finalReturn: 1, error: nil, steps: 100, seconds: 0))

    /// One worker: the plan's jobs in order, then a held job again once a job has run since it
    /// was met, and no more once a look after the last job found it still held.
    @Test func aHeldJobComesBackOnceAJobHasRunSinceItWasMet() {
        let queue = JobQueue(count: 3, recheckInterval: 3600)
        #expect(queue.next() == 0)
        queue.finished(0, .claimedElsewhere(nil))
        #expect(queue.next() == 1)
        queue.finished(1, ran)
        #expect(queue.next() == 2)
        queue.finished(2, .claimedElsewhere(nil))
        #expect(queue.next() == 0)
        queue.finished(0, .claimedElsewhere(nil))
        #expect(queue.next() == 2)
        queue.finished(2, .finishedElsewhere(JobResult(status: .completed, finalReturn: 1, error: nil, steps: 100, seconds: 0)))
        #expect(queue.next() == nil)
    }

    /// A held job met after the runner's last job ended is not looked at again: nothing this
    /// runner did since could change what it found.
    @Test func aHeldJobMetLastIsLeftAtOnce() {
        let queue = JobQueue(count: 2, recheckInterval: 3600)
        #expect(queue.next() == 0)
        queue.finished(0, ran)
        #expect(queue.next() == 1)
        queue.finished(1, .claimedElsewhere(nil))
        #expect(queue.next() == nil)
    }

    /// A worker waiting while another runs a job ends when the stop comes, and no job is
    /// handed out after a stop request.
    @Test func aStopEndsTheWaitAndHandsOutNothingMore() {
        let flag = StopFlag()
        let queue = JobQueue(count: 3, stopFlag: flag, recheckInterval: 3600)
        #expect(queue.next() == 0)
        queue.finished(0, .claimedElsewhere(nil))
        #expect(queue.next() == 1)
        #expect(queue.next() == 2)
        // Jobs 1 and 2 still run: a third worker waits for them or for the next look, an hour away.
        let ended = DispatchSemaphore(value: 0)
        let taken = Box<Int>()
        Thread.detachNewThread {
            taken.value = queue.next()
            ended.signal()
        }
        // Stopped only once the worker sleeps in next(), so that the stop has to wake it.
        let asleep = Date().addingTimeInterval(60)
        while queue.waitingWorkers == 0 && Date() < asleep { usleep(1_000) }
        #expect(queue.waitingWorkers == 1)
        flag.requestStop()
        queue.stop()
        // The timeout only catches a hang.
        #expect(ended.wait(timeout: .now() + 60) == .success)
        #expect(taken.value == nil)
        queue.finished(1, ran)
        #expect(queue.next() == nil)
    }
}
