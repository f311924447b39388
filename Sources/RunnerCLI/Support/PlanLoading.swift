import ArgumentParser
import Experiment
import Foundation
import YAML

/// Loads an experiment plan for a command, printing warnings, and turning errors into exit code 2.
enum PlanLoading {
    static func load(_ path: String, overrides: [String] = []) throws -> ExperimentPlan {
        guard FileManager.default.isReadableFile(atPath: path) else {
            Console.error("error: cannot read '\(path)': no such file")
            throw ExitStatus.invalidConfig
        }
        let parsed = try OverrideArguments.parse(overrides)
        do {
            let plan = try ExperimentLoader().load(path: path, overrides: parsed)
            for warning in plan.warnings { Console.error(warning.description) }
            return plan
        } catch let error as ConfigurationError {
            if let memory = error.diagnostics.first(where: \.isOutOfMemory) {
                // Not the file's fault: the system's, as a refused thread is (exit 1).
                Console.error(memory.description)
                throw ExitStatus.failure
            }
            Console.error(error.description)
            let count = error.diagnostics.count
            Console.error("\(count) error\(count == 1 ? "" : "s")")
            throw ExitStatus.invalidConfig
        }
    }
}
