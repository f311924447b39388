/// A stop asked for while a run trains (`TrainingSink.shouldStop`, a checkpoint-and-stop,
/// the pause step): thrown where the loop notices it, caught once, where the run ends as
/// `interrupted`.
struct Interrupted: Error {}
