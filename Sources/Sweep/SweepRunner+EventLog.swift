import Experiment
import Foundation
import PolicyGradient
import Results
import TensorBoard

/// A job's TensorBoard event file, which never decides a job's outcome: one that cannot be
/// written is a warning, and the job's files and result stand as they are.
extension SweepRunner {
    /// The event file of `job`, started with its cell's swept values as hparams (grouped by
    /// the cell's label) and, for a resumed job, the rows `resume` records; nil, with a
    /// warning, when it cannot be created.
    func eventLog(_ job: ExperimentPlan.Job, folder: JobFiles, resume: JobCheckpoint?, position: Int) -> JobEventLog? {
        let cell = plan.cells[job.cellIndex]
        do {
            let variance = try resume?.parsedVarianceRows()
            let updates = try resume?.parsedUpdateRows()
            return try JobEventLog(
                url: folder.tensorBoardEvents, hparams: cell.values.map { ($0.key, HParamValue(parsing: $0.value)) },
                group: cell.label, replaying: resume?.snapshot.curve ?? [], variance ?? [], updates ?? [],
                startStep: resume?.step ?? 0)
        } catch {
            warnings.add(position, "job \(job.id): no TensorBoard event file (\(Self.message(error)))")
            return nil
        }
    }

    /// Ends and closes `log` for a job that ended with `status`; a failure is a warning.
    func finishEventLog(_ log: JobEventLog?, status: JobStatus, job: ExperimentPlan.Job, position: Int) {
        do {
            try log?.finish(status)
        } catch {
            warnings.add(position, "job \(job.id): the TensorBoard event file is incomplete (\(Self.message(error)))")
        }
    }
}
