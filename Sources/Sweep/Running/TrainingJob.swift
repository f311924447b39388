import Experiment
import PolicyGradient

/// The job body that trains a job with the policy-gradient trainer, measuring gradient
/// variance when the job asks for it.
package enum TrainingJob {
    package static let body: JobBody = { job, sink in
        let settings = try job.config.trainerSettings()
        return Trainer(measurement: GradientVarianceMeter.measurement(for: settings)).run(settings, sink: sink)
    }
}
