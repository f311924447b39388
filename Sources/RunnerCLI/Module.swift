import ArgumentParser

/// The `runner` command: runs policy-gradient experiments declared in YAML.
public struct Runner: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "runner",
        abstract: "Run policy-gradient experiments declared in YAML files."
    )
    public init() {}
    public func run() throws {}
}
