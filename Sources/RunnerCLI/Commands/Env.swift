import ArgumentParser

/// `runner env`: the environment registry.
struct Env: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the environments.", subcommands: [])
}
