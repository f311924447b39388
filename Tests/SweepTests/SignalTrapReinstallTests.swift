import Foundation
import Testing

@testable import Sweep

/// A trap installed after another was removed still receives its signals: the dispatch
/// sources outlive the traps (`SignalRouter`), so a second sweep in one process can be
/// interrupted too. SIGUSR2, which no other test sends, so that the exit the runner arms after
/// a signal (see `SignalTrap`) touches nothing else. In `SignalTests`, which is serialized.
extension SignalTests {
    @Test func aTrapInstalledAfterAnotherWasRemovedReceivesItsSignal() throws {
        let first = SignalTrap(stopFlag: StopFlag(), signals: [], checkpointSignals: [SIGUSR2: nil])
        first.remove()

        let flag = StopFlag()
        let second = SignalTrap(stopFlag: flag, signals: [], checkpointSignals: [SIGUSR2: nil])
        defer { second.remove() }
        kill(getpid(), SIGUSR2)
        // A hang-catcher, not a deadline: the signal arrives within moments.
        let limit = Date().addingTimeInterval(120)
        while !flag.checkpointRequested && Date() < limit { usleep(10_000) }
        #expect(flag.checkpointRequested, "the second trap never saw SIGUSR2")
        #expect(second.firstSignal == SIGUSR2)
    }
}
