import ArgumentParser

/// `runner [run] CONFIG`: runs every job of an experiment.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every job of an experiment (the default command).")

    @Argument(help: "The experiment file.")
    var config: String

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("only"), help: "Run only the cells where KEY=VALUE (repeatable).")
    var only: [String] = []

    @Flag(help: "Rerun jobs that already have results.")
    var force = false

    @Option(help: "The output root.")
    var results: String = "results"

    @Flag(help: "No live progress bar.")
    var noProgress = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let plan = try PlanLoading.load(config)
        Console.error("runner: running is not available yet; the plan has \(plan.jobs.count) jobs")
        throw ExitStatus.failure
    }
}
