import ArgumentParser
import Experiment
import Foundation
import PolicyGradient
import Report
import Results
import Sweep

/// `runner evaluate RESULTS_DIR`: evaluates the saved policies of a finished sweep again.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate the saved policies (jobs/<id>/policy.json) of an experiment's results again.",
        discussion: """
            Without --seed and --episodes, each job's final evaluation is replayed from the random \
            state it started from, so the returns are those of summary.csv and jobs.csv. With \
            --seed S the evaluation episodes start from the evaluation streams of seed S. Prints \
            CSV, one row per job: id, cell, seed, episodes, mean and standard deviation of the \
            returns, and the final return recorded by the run. Exit 1 when a job has no saved policy.
            """)

    enum PolicyChoice: String, ExpressibleByArgument, CaseIterable { case greedy, sample }

    @Argument(help: "An experiment's results folder (results/<experiment>).")
    var directory: String

    @Option(name: .customLong("only"), help: "Evaluate only the cells where KEY=VALUE: a swept key or any setting's dotted path (repeatable).")
    var only: [String] = []

    @Option(help: "Episodes per job (default: the job's eval_episodes).")
    var episodes: Int?

    @Option(help: "Evaluation seed (default: replay the job's final evaluation).")
    var seed: UInt64?

    @Option(help: "greedy or sample (default: the job's eval_policy).")
    var policy: PolicyChoice?

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the results folder must be named, not empty") }
        if let episodes, !(1...1_000_000).contains(episodes) { throw ValidationError("--episodes must be in 1...1000000") }
    }

    func run() throws {
        let folder = ExperimentFolder(directory: URL(fileURLWithPath: directory))
        let plan = try ExitStatus.readingResultsFolder { try ExperimentLoader().load(path: folder.savedExperiment().path) }
        let filter: CellFilter
        do {
            filter = try CellFilter(only, plan: plan)
        } catch let error as SweepError {
            Console.error("error: \(error.description)")
            throw ExitStatus.usage
        }
        var rows: [[String]] = [["job_id", "cell", "seed", "episodes", "mean", "std", "final_return"]]
        var missing = 0
        for job in ExperimentFolder.distinct(plan.jobs.filter { filter.matches(plan.cells[$0.cellIndex]) }, id: \.id) {
            let files = folder.job(job.id)
            do {
                // The policy is believed only when result.json vouches for it, as the report does.
                let finished: FinishedJob
                switch files.readBack() {
                case .unfinished:
                    throw TrainerError("no result.json: the job has not finished (run the experiment to finish it)")
                case .damaged(let reason):
                    throw TrainerError("the job is damaged (\(reason)); run the experiment again to redo it")
                case .finished(let job):
                    finished = job
                }
                let recorded = finished.result.finalReturn
                guard finished.result.status == .completed else {
                    throw TrainerError("the job \(finished.result.status.rawValue); only a completed job saves its policy")
                }
                // The bytes readBack checked against result.json are the bytes loaded.
                guard let data = finished.policy else {
                    throw TrainerError("no policy.json (only completed jobs save one; run the experiment to make it)")
                }
                if !finished.verified {
                    Console.error("warning: job \(job.id): result.json records no checksums (written by an earlier version); "
                        + "its policy is read unverified")
                }
                let saved: SavedPolicy
                do {
                    saved = try SavedPolicy.load(data)
                } catch {
                    throw TrainerError("\(files.policy.path): cannot read the saved policy: \(DecodingFailure.reason(error))")
                }
                let settings = try job.config.trainerSettings()
                let (mean, std) = try Trainer.evaluate(
                    saved, settings: settings, episodes: episodes, seed: seed,
                    policy: policy.flatMap { TrainerSettings.EvalPolicy(rawValue: $0.rawValue) })
                rows.append([
                    job.id, plan.cells[job.cellIndex].label, String(job.seed),
                    String(episodes ?? settings.training.evalEpisodes), csvNumber(mean), csvNumber(std),
                    recorded.map(csvNumber) ?? "",
                ])
            } catch {
                missing += 1
                Console.error("error: job \(job.id): \(error)")
            }
        }
        Console.out(String(CSVTable(header: rows[0], rows: Array(rows.dropFirst())).text.dropLast()))
        if missing > 0 { throw ExitStatus.failure }
    }
}
