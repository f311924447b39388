import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep

@Suite struct ProgressFormatTests {
    @Test func barShowsJobsRunningRateAndETA() {
        let text = ProgressFormat.bar(done: 12, total: 40, running: 2, stepsPerSecond: 812_300, eta: 65, width: 10)
        #expect(text == "[===>      ] 12/40 jobs, 2 running, 812k steps/s, ETA 1m05s")
        let full = ProgressFormat.bar(done: 3, total: 3, running: 0, stepsPerSecond: 0, eta: nil, width: 4)
        #expect(full == "[====] 3/3 jobs, 0 running, 0 steps/s, ETA --")
    }

    @Test func ratesAndDurationsAreShort() {
        #expect(ProgressFormat.rate(35.4) == "35")
        // 4260 / 1000 = 4.26, which rounds to 4.3 at one decimal (no tie to break).
        #expect(ProgressFormat.rate(4_260) == "4.3k")
        #expect(ProgressFormat.rate(1_230_000) == "1.2M")
        #expect(ProgressFormat.duration(45) == "45s")
        #expect(ProgressFormat.duration(3 * 3600 + 4 * 60 + 5) == "3h04m")
    }

    @Test func finishedJobLineNamesJobCellSeedAndOutcome() {
        let done = JobResult(status: .completed, finalReturn: 487.23, error: nil, steps: 1000, seconds: 3.14)
        #expect(
            ProgressFormat.line(done: 12, total: 40, jobId: "0123456789abcdef", cell: "baseline=value", seed: 3, result: done)
                == "[12/40] 0123456789abcdef baseline=value seed=3 completed final_return=487.2 (3.1 s)")
        let failed = JobResult(status: .failed, finalReturn: nil, error: "bad\nthing", steps: 200, seconds: 0.04)
        #expect(
            ProgressFormat.line(done: 1, total: 2, jobId: "ab", cell: "default", seed: 0, result: failed)
                == "[1/2] ab default seed=0 failed at step 200: bad thing (0.0 s)")
    }
}
