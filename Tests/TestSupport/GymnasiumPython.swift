import Foundation
import GymnasiumBridge
import Testing

/// Whether a Python with Gymnasium answers here (tools/python/setup-venv.sh makes one; the
/// tests use the interpreter the pool would, through `RUNNER_PYTHON`).
public enum GymnasiumPython {
    /// Set (to 1) where Gymnasium must be there: a missing one then fails the tests.
    public static let required = ProcessInfo.processInfo.environment["RUNNER_REQUIRE_GYMNASIUM"] == "1"

    /// The interpreter `PythonInterpreter.resolve` picks, or nil.
    public static let interpreter: String? = try? PythonInterpreter.resolve()

    /// Nil when the interpreter imports gymnasium and numpy, else why not.
    public static let unavailability: String? = unavailability(of: "gymnasium, numpy")

    /// Nil when the interpreter also imports mujoco, else why not.
    public static let mujocoUnavailability: String? = unavailability(of: "gymnasium, numpy, mujoco")

    /// Nil when the interpreter imports tensorboard (TensorBoard's reader, for the event files'
    /// tests), else why not.
    public static let tensorBoardUnavailability: String? = unavailability(of: "tensorboard")

    /// Nil when the interpreter also imports Stable-Baselines3 and PyTorch, else why not.
    public static let stableBaselines3Unavailability: String? = unavailability(
        of: "gymnasium, numpy, torch, stable_baselines3")

    private static func unavailability(of modules: String) -> String? {
        guard let interpreter else {
            return "no python3 on PATH and no RUNNER_PYTHON; run tools/python/setup-venv.sh"
        }
        guard let result = run(["-c", "import \(modules)"]), result.status == 0 else {
            return "\(interpreter) cannot import \(modules); run tools/python/setup-venv.sh and set RUNNER_PYTHON"
        }
        return nil
    }

    /// True when the tests should run: Gymnasium imports, or it is required (then its absence
    /// is a failure, recorded by `check()`). Decided, and a skip explained, once.
    public static let shouldRun = shouldRun(unavailability)

    /// As `shouldRun`, for the tests that also need MuJoCo.
    public static let shouldRunMujoco = shouldRun(mujocoUnavailability)

    /// As `shouldRun`, for the tests that read event files with TensorBoard.
    public static let shouldRunTensorBoard = shouldRun(tensorBoardUnavailability)

    /// As `shouldRun`, for the tests that also need Stable-Baselines3.
    public static let shouldRunStableBaselines3 = shouldRun(stableBaselines3Unavailability)

    private static func shouldRun(_ why: String?) -> Bool {
        if let why, !required {
            FileHandle.standardError.write(Data("Gymnasium bridge tests skipped: \(why)\n".utf8))
            return false
        }
        return true
    }

    /// False, with a recorded failure, when Gymnasium is required but absent.
    public static func check(_ why: String? = unavailability) -> Bool {
        guard let why else { return true }
        Issue.record("RUNNER_REQUIRE_GYMNASIUM=1 but \(why)")
        return false
    }

    /// Runs the interpreter with `arguments`; its standard output and exit status.
    public static func run(_ arguments: [String]) -> (output: String, status: Int32)? {
        guard let interpreter else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus)
    }

    /// Whether process `pid` still exists (a zombie counts).
    public static func isAlive(_ pid: pid_t) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }
}
