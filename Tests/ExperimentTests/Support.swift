import Experiment
import Foundation
import TestSupport
import Testing
import YAML

/// A temporary folder of experiment files, removed when the value is released.
final class Scratch {
    private let folder = TemporaryFolder()

    var directory: URL { folder.url }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        folder.write(name, text)
    }

    func load(_ name: String, _ text: String) throws -> ExperimentPlan {
        try ExperimentLoader().load(path: write(name, text))
    }

    /// The diagnostics that loading `text` produces (none when it loads).
    func errors(_ text: String, name: String = "exp.yaml") -> [Diagnostic] {
        diagnostics { _ = try load(name, text) }
    }

    /// Expects loading `text` to give exactly one error, at `line`:`column`, on `path`, whose
    /// message contains `message`.
    func expectSingleError(
        _ text: String, line: Int, column: Int, path: String, contains message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let errors = errors(text)
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        guard let e = errors.first else { return }
        #expect(e.mark.line == line && e.mark.column == column, "\(e)", sourceLocation: sourceLocation)
        #expect(e.path == path, "\(e)", sourceLocation: sourceLocation)
        #expect(e.message.contains(message), "\(e)", sourceLocation: sourceLocation)
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

/// `minimal()` with `training.<key>: <value>` after its `steps`.
func minimal(training key: String, _ value: String) -> String {
    minimal().replacingOccurrences(of: "  steps: 1000\n", with: "  steps: 1000\n  \(key): \(value)\n")
}

/// The shipped experiments folder.
let experimentsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments")

/// The diagnostics of the `ConfigurationError` that `body` throws; none when it throws nothing
/// (any other error is recorded as a test failure).
func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let error as ConfigurationError {
        return error.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}
