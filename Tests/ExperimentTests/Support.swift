import Experiment
import Foundation
import Testing
import YAML

/// A temporary folder of experiment files, removed when the value is released.
final class Scratch {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("experiment-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let url = directory.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func load(_ name: String, _ text: String) throws -> ExperimentPlan {
        try ExperimentLoader().load(path: write(name, text))
    }

    /// The diagnostics that loading `text` produces (none when it loads).
    func errors(_ text: String, name: String = "exp.yaml") -> [Diagnostic] {
        do {
            _ = try load(name, text)
            return []
        } catch let error as ConfigurationError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }
}

/// A minimal valid experiment, with `extra` appended at the top level.
func minimal(_ extra: String = "") -> String {
    """
    experiment: test
    environment:
      id: CartPole-v1
    estimator:
      name: a2c
    training:
      steps: 1000

    """ + extra
}

/// The shipped experiments folder.
let experimentsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments")
