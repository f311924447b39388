import YAML

/// The YAML text a plan's files are written from, so that their writers need not know YAML.
extension ExperimentPlan {
    /// The experiment as resolved (after `extends`), as the results folder saves it in
    /// `experiment.yaml`.
    public var resolvedText: String { YAMLEmitter.emit(resolved) }
}

extension ExperimentPlan.Job {
    /// The job's canonical configuration as the YAML of its `config.yaml`, which a rerun
    /// compares to decide whether a stored result is this job's.
    public var configText: String { YAMLEmitter.emit(canonicalTree) }
}
