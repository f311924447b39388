import Foundation
import PolicyGradient
import Results

/// Continuing training: a job whose budget was raised trains on from the state its shorter
/// predecessor ended in (docs/architecture.md, "Continuing training").
extension SweepRunner {
    /// The state job `position` continues from: its predecessor's final state when the
    /// predecessor completed, else the predecessor's checkpoint; nil (start from step 0) when
    /// neither is usable or the job's schedules depend on its budget, which the warnings say.
    func continuation(of position: Int, from predecessor: Predecessor) -> JobCheckpoint? {
        let job = plan.jobs[position]
        if (try? job.config.trainerSettings())?.dependsOnBudget ?? true {
            warnings.add(position, "job \(job.id) starts from step 0 instead of continuing job \(predecessor.jobId) "
                + "(\(predecessor.steps) steps): its linear schedule depends on training.steps, so a continued run "
                + "would not be the longer run")
            return nil
        }
        let loaded: JobCheckpoint
        if case .finished(let result) = predecessor.files.stored(configText: predecessor.configText) {
            guard result.status == .completed else { return nil }
            do {
                guard let data = try SafeFiles.contents(of: predecessor.files.finalState, followingLinks: false) else {
                    warnings.add(position, "job \(job.id) starts from step 0: job \(predecessor.jobId), the shorter run "
                        + "it would continue, kept no final state")
                    return nil
                }
                loaded = try JobCheckpoint.load(data, jobId: predecessor.jobId, configText: predecessor.configText)
            } catch {
                warnings.add(position, "job \(job.id) starts from step 0: the final state of job \(predecessor.jobId) "
                    + "was not used (\(error))")
                return nil
            }
        } else {
            guard case .usable(let checkpoint) = predecessor.files.checkpoint(
                jobId: predecessor.jobId, configText: predecessor.configText)
            else { return nil }
            loaded = checkpoint
        }
        return JobCheckpoint(
            step: loaded.step, resumedFromSteps: [], varianceRows: loaded.varianceRows, updateRows: loaded.updateRows,
            snapshot: loaded.snapshot)
    }

    /// Removes the folder of each predecessor whose successor has finished (completed or
    /// diverged), `result.json` first, so that `jobs/` ends holding the plan's jobs; a folder
    /// that cannot be removed stays, to be removed by the next run.
    func removeFinishedPredecessors(_ predecessors: [Int: Predecessor], folder: ExperimentFolder) {
        for (position, predecessor) in predecessors.sorted(by: { $0.key < $1.key }) {
            let job = plan.jobs[position]
            guard folder.job(job.id).finishedResult(configText: job.configText) != nil else { continue }
            try? SafeFiles.removeItem(predecessor.files.result)
            try? SafeFiles.removeTree(predecessor.files.directory)
        }
    }
}
