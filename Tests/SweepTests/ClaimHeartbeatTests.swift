import Foundation
import Testing

@testable import Sweep

/// The heartbeat timer refreshes held claims from the policy's clock. The wait is a
/// hang-catcher only: the timer's speed is never measured.
@Suite struct ClaimHeartbeatTests {
    @Test func theTimerRefreshesHeldClaimsFromTheClock() throws {
        let scratch = Scratch()
        let clock = TestClock()
        let policy = ClaimPolicy(
            host: "node1", pid: 10, slurmJobId: nil, staleAfter: 600, heartbeatInterval: 0.01, now: { clock.now },
            isAlive: { _ in true })
        let folder = ClaimFolder(experiment: scratch.directory, policy: policy)
        try folder.prepare()
        guard case .acquired(let claim) = try folder.acquire("job-a") else {
            Issue.record("not acquired")
            return
        }
        let heartbeat = try ClaimHeartbeat(policy: policy)
        defer { heartbeat.stop() }
        heartbeat.add(claim)
        clock.advance(120)
        let stored = { ClaimRecord.parse((try? Data(contentsOf: claim.url)) ?? Data())?.heartbeat }
        let deadline = Date().addingTimeInterval(120)
        while stored() != 1_764_500_120 && Date() < deadline { usleep(1_000) }
        #expect(stored() == 1_764_500_120)
        #expect(claim.heartbeat == 1_764_500_120)
        heartbeat.remove(claim)
        claim.release()
        #expect(!FileManager.default.fileExists(atPath: claim.url.path))
    }
}
