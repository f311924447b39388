/// Errors raised when an environment is built or positioned from user input.
public enum EnvironmentError: Error, Equatable, CustomStringConvertible {
    /// No environment is registered under this id.
    case unknownEnvironment(String)
    /// An environment registered under an id that is already taken.
    case duplicateEnvironment(String)
    /// A state vector passed to `setState` is not valid for the environment.
    case invalidState(String)
    /// An action is not valid for the environment.
    case invalidAction(String)
    /// A time limit that is not positive.
    case invalidTimeLimit(Int)
    /// A native copy was asked of an environment stepped by a backend in another process.
    case notNative(String, backend: String)

    public var description: String {
        switch self {
        case .unknownEnvironment(let id): "unknown environment '\(id)'"
        case .duplicateEnvironment(let id): "an environment '\(id)' is already registered"
        case .invalidState(let message): "invalid state: \(message)"
        case .invalidAction(let message): "invalid action: \(message)"
        case .invalidTimeLimit(let steps): "max_episode_steps must be positive, got \(steps)"
        case .notNative(let id, let backend):
            "'\(id)' is stepped by the \(backend) backend in another process and has no native copy"
        }
    }
}
