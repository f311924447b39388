/// Environment copies for collecting batches outside training (made by
/// `TrainerState.makeBatchEnvironments`); opaque, typed inside the trainer.
public class BatchEnvironments {
    /// Copies stepped together (the training `num_envs`).
    public let numEnvs: Int
    init(numEnvs: Int) { self.numEnvs = numEnvs }
}
