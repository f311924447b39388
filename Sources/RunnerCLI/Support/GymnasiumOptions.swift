import ArgumentParser
import GymnasiumBridge

/// `--python`, `--import`, `--python-path`: the Python side of `runner env list --gymnasium`
/// and `runner env check`, as an experiment's `environment.python`, `imports` and `python_path`.
struct GymnasiumOptions: ParsableArguments {
    @Option(help: "The Python that runs Gymnasium (default: RUNNER_PYTHON, else python3 on PATH).")
    var python: String?

    @Option(name: .customLong("import"), help: "A module to import first, so that it registers its environments (repeatable).")
    var imports: [String] = []

    @Option(help: "A folder to put in front of Python's module search path (repeatable).")
    var pythonPath: [String] = []

    /// Whether any of the options was given.
    var given: Bool { python != nil || !imports.isEmpty || !pythonPath.isEmpty }

    /// The environment `id` as the workers make it with these options.
    func spec(_ id: String) -> GymnasiumEnvironmentSpec {
        GymnasiumEnvironmentSpec(id: id, extraImports: imports, searchPaths: pythonPath, interpreter: python)
    }

    /// Runs `body`; a bridge error is printed and ends the command with exit 2, as an experiment
    /// naming an environment that cannot be made fails to validate.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GymnasiumBridgeError {
            var message = error.description
            switch error {
            case .importFailed(_, _, let traceback), .makeFailed(_, let traceback): message += "\n" + traceback
            default: break
            }
            Console.error("error: \(message)")
            throw ExitStatus.invalidConfig
        }
    }
}
