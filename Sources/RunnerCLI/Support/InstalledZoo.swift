import Foundation
import GymnasiumBridge
import Results

/// rl-zoo3's hyperparameter files where pip installed them: `hyperparams/<algo>.yml` beside the
/// `rl_zoo3` package that the configured Python imports (`RUNNER_PYTHON`, else `python3`; the
/// rule of `PythonInterpreter`).
enum InstalledZoo {
    /// The path of `<algorithm>.yml` in the installed `rl_zoo3`. Throws `InstalledZoo.Failure`
    /// saying what is missing: the interpreter, the package, or the file.
    static func hyperparameterFile(algorithm: String) throws -> String {
        let python: String
        do {
            python = try PythonInterpreter.resolve()
        } catch {
            throw Failure(message: "no Python to ask where rl_zoo3 is: \(error); name the zoo's file instead")
        }
        let ask = "import os, rl_zoo3; print(os.path.dirname(os.path.abspath(rl_zoo3.__file__)))"
        let outcome = try ChildProcess(executable: URL(fileURLWithPath: python), arguments: ["-c", ask]).run()
        guard outcome.succeeded else {
            throw Failure(message: "\(python) cannot import rl_zoo3 (pip install rl_zoo3, or set RUNNER_PYTHON to a "
                + "Python that has it); name the zoo's file instead")
        }
        let folder = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = URL(fileURLWithPath: folder).appendingPathComponent("hyperparams/\(algorithm).yml").path
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw Failure(message: "the rl_zoo3 at \(folder) has no hyperparams/\(algorithm).yml")
        }
        return file
    }

    /// Why the installed zoo's file could not be found.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
