/// Why a Gymnasium worker pool could not start, reset or step.
package enum GymnasiumBridgeError: Error, Equatable, CustomStringConvertible {
    /// No interpreter where `PythonInterpreter.resolve` looked.
    case pythonNotFound(String)
    /// The interpreter could not be started (`posix_spawn`'s reason).
    case cannotStart(interpreter: String, reason: String)
    /// The interpreter cannot import `gymnasium` or `numpy` (`module`).
    case gymnasiumMissing(interpreter: String, module: String)
    /// An extra import names a module that is not installed.
    case moduleMissing(module: String, traceback: String)
    /// An extra import raised.
    case importFailed(module: String, message: String, traceback: String)
    /// Gymnasium knows no such environment; `message` is its own, with its suggestion if any.
    case unknownEnvironment(id: String, message: String)
    /// A space other than `Box` or `Discrete`; `role` is `observation` or `action`.
    case unsupportedSpace(role: String, message: String)
    /// `gymnasium.make` raised.
    case makeFailed(message: String, traceback: String)
    /// The environment raised in `reset` or `step` (`during`) of `copy` (the pool's numbering).
    case environmentRaised(during: String, copy: Int, message: String, traceback: String)
    /// `get_state` of an environment whose unwrapped instance has no `state` attribute.
    case noState(id: String, message: String)
    /// A worker ended without being asked (`termination`: `exit 1`, `signal 9 (SIGKILL)`);
    /// `output` is the end of what it printed.
    case workerDied(pid: Int32, termination: String, output: String)
    /// An observation holds NaN after `during` (`reset`, `step`, or `step (final observation)`).
    case nanObservation(copy: Int, during: String)
    /// A reward of `copy` was NaN or infinite.
    case nonFiniteReward(copy: Int)
    /// A worker answered something the protocol does not allow.
    case protocolViolation(String)
    /// A system call failed (`operation`: what was being done; `reason`: `strerror`).
    case system(operation: String, reason: String)
    /// The stop condition became true while waiting for the workers; they were ended.
    case stopped
    /// The pool was closed, or ended by an earlier error.
    case closed

    package var description: String {
        switch self {
        case .pythonNotFound(let why):
            "no Python to run Gymnasium: \(why) (set RUNNER_PYTHON to a python that has gymnasium)"
        case .cannotStart(let interpreter, let reason): "cannot start \(interpreter): \(reason)"
        case .gymnasiumMissing(let interpreter, let module):
            "\(interpreter) cannot import \(module): install it with `\(interpreter) -m pip install gymnasium` "
                + "(`gymnasium[mujoco]` for MuJoCo), or run tools/python/setup-venv.sh and set RUNNER_PYTHON "
                + "to the python it prints"
        case .moduleMissing(let module, _): "no module named \(module) (an extra import)"
        case .importFailed(_, let message, _): message
        case .unknownEnvironment(_, let message): message
        case .unsupportedSpace(_, let message): message
        case .makeFailed(let message, _): message
        case .noState(_, let message): message
        case .environmentRaised(_, _, let message, let traceback): "\(message)\n\(traceback)"
        case .workerDied(let pid, let termination, let output):
            "the Gymnasium worker \(pid) ended (\(termination))" + (output.isEmpty ? "" : "; its last output:\n\(output)")
        case .nanObservation(let copy, let during): "the observation of copy \(copy) after \(during) holds NaN"
        case .nonFiniteReward(let copy): "the reward of copy \(copy) is not finite"
        case .protocolViolation(let what): "the Gymnasium worker broke the protocol: \(what)"
        case .system(let operation, let reason): "cannot \(operation): \(reason)"
        case .stopped: "stopped: the runner was asked to stop"
        case .closed: "the Gymnasium worker pool is closed"
        }
    }
}
