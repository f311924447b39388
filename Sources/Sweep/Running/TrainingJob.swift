import Experiment
import PolicyGradient

/// The job body that trains a job with the policy-gradient trainer.
public enum TrainingJob {
    public static let body: JobBody = { job, sink in
        throw TrainerUnavailable()
    }

    struct TrainerUnavailable: Error, CustomStringConvertible {
        var description: String { "the trainer is not built yet" }
    }
}
