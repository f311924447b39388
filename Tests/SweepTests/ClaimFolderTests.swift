import Foundation
import Testing

@testable import Sweep

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: TimeInterval

    init(_ seconds: TimeInterval = 1_764_500_000) { self.seconds = seconds }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return Date(timeIntervalSince1970: seconds)
    }

    func advance(_ delta: TimeInterval) {
        lock.lock()
        seconds += delta
        lock.unlock()
    }
}

/// The claim protocol with an injected clock and liveness check: no test depends on timing.
@Suite struct ClaimFolderTests {
    let scratch = Scratch()
    let clock = TestClock()

    /// A runner on `host` with process `pid`, for which the processes in `alive` exist.
    func policy(host: String = "node1", pid: Int32, slurm: String? = nil, alive: Set<Int32> = []) -> ClaimPolicy {
        let clock = clock
        return ClaimPolicy(
            host: host, pid: pid, slurmJobId: slurm, staleAfter: 600, heartbeatInterval: 30, now: { clock.now },
            isAlive: { alive.contains($0) })
    }

    func folder(_ policy: ClaimPolicy) throws -> ClaimFolder {
        let folder = ClaimFolder(experiment: scratch.directory, policy: policy)
        try folder.prepare()
        return folder
    }

    func acquired(_ attempt: ClaimFolder.Attempt) -> Claim? {
        if case .acquired(let claim) = attempt { return claim }
        return nil
    }

    func holder(_ attempt: ClaimFolder.Attempt) -> ClaimRecord?? {
        if case .held(let record) = attempt { return .some(record) }
        return .none
    }

    func stored(_ name: String) throws -> ClaimRecord? {
        ClaimRecord.parse(try Data(contentsOf: scratch.directory.appendingPathComponent("claims/\(name)")))
    }

    @Test func aClaimRecordsHostPidSlurmJobAndHeartbeat() throws {
        let claim = try #require(acquired(try folder(policy(pid: 10, slurm: "81234_7")).acquire("job-a")))
        let expected = ClaimRecord(host: "node1", pid: 10, slurmJobId: "81234_7", heartbeat: 1_764_500_000)
        #expect(try stored("job-a") == expected)
        let text = try String(contentsOf: claim.url, encoding: .utf8)
        #expect(text == #"{"heartbeat":1764500000,"host":"node1","pid":10,"slurm_job_id":"81234_7"}"# + "\n")
        clock.advance(45)
        claim.refresh(policy(pid: 10))
        #expect(try stored("job-a")?.heartbeat == 1_764_500_045)
        claim.release()
        #expect(!FileManager.default.fileExists(atPath: claim.url.path))
    }

    @Test func aLiveOwnersClaimIsLeftToIt() throws {
        let owner = try #require(acquired(try folder(policy(pid: 10)).acquire("job-a")))
        // Same host, the owner's process exists, heartbeat fresh.
        let other = try folder(policy(pid: 20, alive: [10]))
        #expect(holder(try other.acquire("job-a")) == .some(ClaimRecord(host: "node1", pid: 10, slurmJobId: nil, heartbeat: 1_764_500_000)))
        // Another host's owner is judged by its heartbeat alone: 599 s is fresh.
        clock.advance(599)
        let remote = try folder(policy(host: "node2", pid: 10))
        #expect(holder(try remote.acquire("job-a")) != nil)
        #expect(try stored("job-a")?.pid == 10)
        _ = owner
    }

    @Test func aDeadOwnerOnThisHostIsTakenOverAtOnce() throws {
        let owner = try #require(acquired(try folder(policy(pid: 10)).acquire("job-a")))
        let taker = try #require(acquired(try folder(policy(pid: 20, alive: [20])).acquire("job-a")))
        #expect(try stored("job-a")?.pid == 20)
        // The old owner's late release and refresh leave the new claim alone.
        clock.advance(5)
        owner.refresh(policy(pid: 10))
        #expect(!owner.isHeld)
        owner.release()
        #expect(try stored("job-a") == ClaimRecord(host: "node1", pid: 20, slurmJobId: nil, heartbeat: 1_764_500_000))
        #expect(taker.isHeld)
        // Nothing is left beside the claim.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.appendingPathComponent("claims").path) == ["job-a"])
    }

    @Test func aStaleHeartbeatIsTakenOverWhateverTheHost() throws {
        let owner = try #require(acquired(try folder(policy(host: "node2", pid: 10)).acquire("job-a")))
        clock.advance(600)
        // The owner's pid exists here, but it is another host's pid and its heartbeat is 600 s old.
        let taker = try folder(policy(host: "node1", pid: 20, alive: [10, 20]))
        let claim = try #require(acquired(try taker.acquire("job-a")))
        #expect(try stored("job-a")?.host == "node1")
        #expect(claim.isHeld)
        #expect(!owner.isHeld)
    }

    @Test func aClaimBeingWrittenCountsAsLiveUntilItsFileIsStale() throws {
        let url = scratch.directory.appendingPathComponent("claims/job-a")
        try folder(policy(pid: 1)).prepare()
        try Data().write(to: url)
        let modified = Date(timeIntervalSince1970: 1_764_500_000)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        let runner = try folder(policy(pid: 20))
        #expect(holder(try runner.acquire("job-a")) == .some(nil))
        clock.advance(601)
        #expect(acquired(try runner.acquire("job-a")) != nil)
    }

    @Test func liveListsOnlyLiveClaims() throws {
        let ours = try folder(policy(pid: 10))
        // Held (a claim is released when its value goes away).
        let held = [
            try #require(acquired(try ours.acquire("job-a"))),
            try #require(acquired(try folder(policy(host: "node2", pid: 11)).acquire("job-b"))),
            try #require(acquired(try folder(policy(pid: 12)).acquire("report"))),
        ]
        let viewer = try folder(policy(pid: 20, alive: [10]))
        #expect(try viewer.live().map(\.name) == ["job-a", "job-b"])
        #expect(try viewer.live(except: ["job-b"]).map(\.name) == ["job-a"])
        clock.advance(600)
        #expect(try viewer.live().isEmpty)
        #expect(held.allSatisfy { $0.isHeld })
    }

    @Test func aLinkInPlaceOfAClaimIsRefusedAndItsTargetUntouched() throws {
        let runner = try folder(policy(pid: 20))
        let precious = scratch.directory.appendingPathComponent("precious.txt")
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        let claim = scratch.directory.appendingPathComponent("claims/job-a")
        try FileManager.default.createSymbolicLink(at: claim, withDestinationURL: precious)
        #expect { _ = try runner.acquire("job-a") } throws: { "\($0)".contains("claims/job-a: is a symbolic link") }
        try FileManager.default.removeItem(at: claim)
        try FileManager.default.linkItem(at: precious, to: claim)
        #expect { _ = try runner.acquire("job-a") } throws: { "\($0)".contains("not a regular file of its own") }
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }

    @Test func slurmJobIdNamesTheArrayTask() {
        #expect(ClaimPolicy.slurmJobId(["SLURM_JOB_ID": "81240", "SLURM_ARRAY_JOB_ID": "81234", "SLURM_ARRAY_TASK_ID": "7"]) == "81234_7")
        #expect(ClaimPolicy.slurmJobId(["SLURM_JOB_ID": "81240"]) == "81240")
        #expect(ClaimPolicy.slurmJobId([:]) == nil)
    }
}
