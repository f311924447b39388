import Foundation
import ArgumentParser
import Experiment
import GymnasiumBridge
import PolicyGradient
import Report
import YAML

/// `runner env`: the environment registry.
struct Env: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the environments.",
        subcommands: [List.self, Show.self, Trace.self, EnvCheck.self])

    /// `runner env list`: every registered environment, or with `--gymnasium` every id a
    /// Python's Gymnasium has registered.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the environments.",
            discussion: """
                Lists the runner's native environments. With --gymnasium, lists instead the ids \
                registered in the Gymnasium of the configured Python (--python, else \
                RUNNER_PYTHON, else python3 on PATH), one a line, sorted, after importing each \
                --import module (packages that register environments when imported; \
                --python-path folders go in front of Python's module search path); with \
                --entry-points each id is followed by its entry point. Any of them can be \
                trained with `backend: gymnasium` (docs/environments.md). Exit 2 when the \
                Python, Gymnasium or an --import cannot be found or imported.
                """)

        @Flag(help: "List the ids registered in the configured Python's Gymnasium.")
        var gymnasium = false

        @OptionGroup var python: GymnasiumOptions

        @Flag(help: "With --gymnasium, print each id's entry point beside it.")
        var entryPoints = false

        func validate() throws {
            if !gymnasium && (python.given || entryPoints) {
                throw ValidationError("--python, --import, --python-path and --entry-points go with --gymnasium")
            }
        }

        func run() throws {
            if gymnasium {
                let entries = try python.reporting {
                    try GymnasiumRegistry.entries(
                        interpreter: python.python, imports: python.imports, searchPaths: python.pythonPath)
                }
                let text = entryPoints
                    ? AlignedText.table([["id", "entry point"]] + entries.map { [$0.id, $0.entry_point] })
                    : entries.map(\.id).joined(separator: "\n")
                Console.out(text)
                return
            }
            let rows = EnvironmentRegistry.all.map { d in
                [d.id, d.actionSpace.map(describe) ?? "discrete (params)",
                 d.observationSize.map(String.init) ?? "one-hot",
                 d.defaultMaxEpisodeSteps.map(String.init) ?? "params", d.summary]
            }
            Console.out(AlignedText.table([["id", "actions", "observation", "time limit", "summary"]] + rows))
        }
    }

    /// `runner env show ID`: one environment in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one environment.")

        @Argument(help: "An environment id (see `runner env list`).")
        var id: String

        func run() throws {
            let d = try Env.descriptor(id)
            var lines = [
                "\(d.id): \(d.summary)",
                "actions: \(d.actionSpace.map(describe) ?? "discrete, one per MDP action")",
                "observation: \(d.observationSize.map { "\($0) floats" } ?? "one-hot state")",
                "time limit: \(d.defaultMaxEpisodeSteps.map(String.init) ?? "max_episode_steps (the horizon H)")",
                "state (for trace --state): \(d.stateVariables.joined(separator: ", "))",
            ]
            if !d.parameters.isEmpty {
                lines.append("params:")
                lines += d.parameters.map { "  " + Env.parameterLine($0) }
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }

    /// `runner env trace ID --state ... --actions ...`: step from a given state and print CSV.
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Step an environment from a state through actions; print CSV.",
            discussion: """
                Prints step, action, reward, terminated, truncated and the observation, one row \
                per step up to and including the first terminated or truncated step. The state \
                is Gymnasium's internal state (see `runner env show ID`); the time limit counts \
                from it. Actions are comma-separated; multi-dimensional continuous actions are \
                separated by ';' with their components by ','. An environment takes its params \
                and time limit from --config, else its defaults (one with required params, \
                such as Bandit or Tabular, needs --config). With \
                --policy jobs/<id> (a completed job's folder, or its policy.json with \
                config.yaml beside it) the trained agent acts instead, in the environment the \
                policy records (an ID, if given, must name it): --episodes episodes from the \
                evaluation streams of --seed, each printed after a `# episode N` line.
                """)

        @Argument(help: "An environment id (with --policy, optional: the policy names its own).")
        var id: String?

        @Option(parsing: .unconditional, help: "The starting internal state, comma-separated.")
        var state: String?

        @Option(parsing: .unconditional, help: "The actions, comma-separated.")
        var actions: String?

        @Option(help: "A completed job's folder (jobs/<id>) or its policy.json, to act instead of --state and --actions.")
        var policy: String?

        @Option(help: "Episodes to trace with --policy.")
        var episodes: Int = 1

        @Option(help: "Override the time limit.")
        var maxEpisodeSteps: Int?

        @Option(help: "An experiment file whose environment provides the params.")
        var config: String?

        @Option(help: "Seed of the environment's random draws (tabular environments).")
        var seed: UInt64 = 0

        func validate() throws {
            if policy == nil && (state == nil || actions == nil) {
                throw ValidationError("give --state and --actions, or --policy")
            }
            if policy == nil && id == nil { throw ValidationError("give an environment id, or --policy") }
            if policy != nil && (state != nil || actions != nil) {
                throw ValidationError("--policy chooses the actions: it cannot be combined with --state or --actions")
            }
            if !(1...10_000).contains(episodes) { throw ValidationError("--episodes must be in 1...10000") }
        }

        func run() throws {
            if let policy {
                Console.out(try PolicyTrace(id: id, policyPath: policy, episodes: episodes, seed: seed).csv())
                return
            }
            let id = self.id!, state = self.state!, actions = self.actions!
            let environment: any Environment
            do {
                environment = try self.environment(id)
            } catch let error as EnvironmentError {
                throw ValidationError(error.description)
            } catch let error as EnvironmentParameterError {
                throw ValidationError("\(id): \(error)")
            }
            let stateValues = try Env.numbers(state, what: "--state")
            let dimension = environment.actionSpace.actionDimension
            let groups = dimension == 1 ? actions.split(separator: ",").map(String.init)
                : actions.split(separator: ";").map(String.init)
            let actionValues = try groups.map { try Env.numbers($0, what: "--actions") }
            do {
                Console.out(try EnvironmentTrace.csv(environment, state: stateValues, actions: actionValues, seed: seed))
            } catch let error as EnvironmentError {
                throw ValidationError(error.description)
            }
        }

        /// The environment through its descriptor: with --config's params and time limit, or
        /// with its defaults when it has no required parameter.
        private func environment(_ id: String) throws -> any Environment {
            let descriptor = try Env.descriptor(id)
            guard let config else {
                if descriptor.parameters.contains(where: \.isRequired) {
                    throw ValidationError("\(id) needs --config FILE for its params")
                }
                return try descriptor.make(maxEpisodeSteps: maxEpisodeSteps)
            }
            let plan = try PlanLoading.load(config)
            guard let settings = plan.cells.first?.settings.environment, settings.id.rawValue == id else {
                throw ValidationError("\(config) does not use \(id)")
            }
            return try descriptor.make(params: settings.params, maxEpisodeSteps: maxEpisodeSteps ?? settings.maxEpisodeSteps)
        }
    }

    static func descriptor(_ id: String) throws -> EnvironmentDescriptor {
        guard let d = EnvironmentRegistry.descriptor(id: id) else {
            var message = "unknown environment '\(id)'"
            if let s = suggestion(for: id, among: EnvironmentRegistry.ids) { message += "; did you mean '\(s)'?" }
            throw ValidationError(message)
        }
        return d
    }

    static func numbers(_ text: String, what: String) throws -> [Double] {
        try text.split(separator: ",").map {
            guard let x = Double($0.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(what): '\($0)' is not a number")
            }
            return x
        }
    }
}

/// "discrete (2)" or "continuous (1-d, [-2.0, 2.0])".
private func describe(_ space: ActionSpace) -> String {
    switch space {
    case .discrete(let n): return "discrete (\(n))"
    case .continuous(let dimension, let low, let high):
        return "continuous (\(dimension)-d, [\(low.map(\.description).joined(separator: " ")), \(high.map(\.description).joined(separator: " "))])"
    }
}

extension Env {
    /// One schema entry, e.g. "slip: float, default 0.2, in [0, 1]: probability that ...".
    static func parameterLine(_ parameter: EnvironmentParameter) -> String {
        var terms = [parameter.kind.description, parameter.defaultValue.map { "default \($0)" } ?? "required"]
        if let rule = parameter.rule { terms.append(rule.summary) }
        return "\(parameter.key): \(terms.joined(separator: ", ")): \(parameter.doc)"
    }
}
