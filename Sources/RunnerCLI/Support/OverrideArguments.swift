import ArgumentParser
import Experiment
import YAML

/// `--set KEY=VALUE` (repeatable), shared by `run`, `plan`, `validate` and `check`: settings
/// changed on the command line without editing the file.
struct OverrideArguments: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a setting: a dotted key and a YAML value, applied after `extends` (repeatable).",
            valueName: "KEY=VALUE"))
    var set: [String] = []

    /// The parsed overrides, each named by its position on the command line. An argument that
    /// is not `KEY=VALUE` with a YAML value is part of an invalid configuration (exit 2).
    static func parse(_ set: [String]) throws -> [ConfigOverride] {
        let positions = ConfigOverride.positions(of: set, in: CommandLine.arguments)
        var overrides: [ConfigOverride] = []
        var errors: [Diagnostic] = []
        for (argument, position) in zip(set, positions) {
            do {
                overrides.append(try ConfigOverride(argument, position: position))
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic)
            }
        }
        guard errors.isEmpty else {
            for error in errors { Console.error(error.description) }
            Console.error("\(errors.count) error\(errors.count == 1 ? "" : "s")")
            throw ExitStatus.invalidConfig
        }
        return overrides
    }
}
