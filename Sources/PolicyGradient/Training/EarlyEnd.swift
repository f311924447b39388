/// Why the training loop ends before its budget, thrown where the loop notices it and caught
/// once, where the run ends with the matching outcome.
enum EarlyEnd: Error {
    /// A stop asked for while the run trains (`TrainingSink.shouldStop`, a checkpoint-and-stop,
    /// the pause step): `interrupted`.
    case interrupted
    /// A loss, the gradient norm or a parameter became NaN or infinite in the update: `diverged`.
    case diverged
    /// Environment copies stopped stepping (`BatchedEnvironment.fault`): `failed`, or
    /// `diverged` for a non-finite observation or reward.
    case environment(EnvironmentFault)
}
