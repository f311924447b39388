/// Which collected batch the policy's workspace rows `0..<count` hold a forward pass of.
///
/// Collection already runs the policy over every observation of a batch; the update and the
/// diagnostics reuse those rows instead of repeating the pass. Anything else that forwards the
/// policy (a PPO minibatch, evaluation, an update's end) calls `invalidate()`, and the next use
/// of a batch forwards it again. Forwarding is deterministic, so this changes speed, not results.
final class ForwardedBatch {
    let policy: PolicyModel
    /// Generation of the batch the rows hold (−1: none).
    private var held = -1
    private var collections = 0

    init(policy: PolicyModel) {
        self.policy = policy
    }

    /// Marks `batch` as just collected, its forward pass in the rows.
    func collected(_ batch: Rollout) {
        collections += 1
        batch.generation = collections
        held = collections
    }

    /// The rows now hold something else.
    func invalidate() {
        held = -1
    }

    /// Re-forwards the policy over `batch` when its rows hold something else.
    func ensure(_ batch: Rollout) {
        guard held != batch.generation else { return }
        policy.forward(batch.observationStorage.pointer, count: batch.count, row: 0)
        held = batch.generation
    }
}
