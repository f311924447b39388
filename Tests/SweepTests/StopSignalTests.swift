import Foundation
import Testing

@testable import Sweep

/// `SweepReport.stopSignal` is left nil when the caller stops the sweep through `StopFlag`.
/// The signals themselves (SIGUSR1 against SIGTERM) are told apart through the built binary,
/// one process per sweep (RequeueOnUsr1BinaryTests). In `SignalTests`, which is serialized.
extension SignalTests {
    @Test func aStopThroughTheFlagNamesNoSignal() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let flag = StopFlag()
        let trainer = FakeTrainer()
        trainer.stopFlag = flag
        trainer.stopAfterStarts = 1
        var settings = options(scratch.root("r"), jobs: 1)
        settings.handleSignals = true
        let report = try SweepRunner(plan: plan, options: settings, stopFlag: flag, body: trainer.body).run()
        #expect(report.wasInterrupted)
        #expect(report.stopSignal == nil)
    }
}
