import ArgumentParser

/// `runner submit slurm CONFIG`: runs a sweep on a cluster's scheduler.
struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an experiment's jobs on a cluster's scheduler.",
        subcommands: [SubmitSlurm.self])
}
