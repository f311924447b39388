import ArgumentParser

/// The `runner` command: runs policy-gradient experiments declared in YAML.
///
/// Exit codes: 0 success; 1 a job failed or diverged, a regression was found, or the results
/// folder is locked or cannot be written; 2 invalid config; 64 usage error; 130 interrupted.
public struct Runner: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "runner",
        abstract: "Run policy-gradient experiments declared in YAML files.",
        discussion: """
            Exit codes: 0 success; 1 a job failed or diverged, a regression was found, or \
            the results folder is locked or cannot be written; 2 invalid config; 64 usage \
            error; 130 interrupted.
            """,
        subcommands: [Run.self, Plan.self, Validate.self, ReportCommand.self, Check.self, Env.self],
        defaultSubcommand: Run.self
    )

    public init() {}
}
