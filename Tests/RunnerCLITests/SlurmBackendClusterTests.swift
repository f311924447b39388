import Foundation
import Sweep
import TestSupport
import Testing

/// `SlurmBackend` against a real SLURM, for what no command drives yet: a job it submits is
/// listed by `queue`, and `cancel` ends it.
@Suite(.serialized, .enabled(if: SlurmCluster.shouldRun, "needs a working SLURM (tools/slurm/start.sh)"))
struct SlurmBackendClusterTests {
    @Test func aSubmittedJobIsQueuedAndCancelled() throws {
        guard SlurmCluster.check() else { return }
        let slurm = SlurmBackend()
        let dir = TemporaryFolder()
        let id = try slurm.submit(
            ["sbatch", "--parsable", "--output=\(dir.url.path)/sleep-%j.out", "--wrap", "sleep 300"], what: "the test job")
        defer { try? slurm.cancel([id]) }
        #expect(slurm.queue([id]).entries.map(\.id) == [id])

        try slurm.cancel([id])
        var state: ClusterJobState?
        for _ in 0..<60 {
            state = try slurm.jobStates(id).first
            if state?.hasEnded == true { break }
            usleep(500_000)
        }
        #expect(state?.state == "CANCELLED", "\(String(describing: state))")
        // scancel answers 0 for a job that has left the queue: cancelling twice is no error.
        try slurm.cancel([id])
    }
}
