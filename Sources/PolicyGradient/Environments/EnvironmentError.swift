/// Errors raised when an environment is built or positioned from user input.
public enum EnvironmentError: Error, Equatable, CustomStringConvertible {
    /// No environment is registered under this id.
    case unknownEnvironment(String)
    /// The id names a tabular environment, which is built from a `TabularMDP`.
    case needsTabularMDP(String)
    /// A state vector passed to `setState` is not valid for the environment.
    case invalidState(String)
    /// An action is not valid for the environment.
    case invalidAction(String)
    /// A time limit that is not positive.
    case invalidTimeLimit(Int)

    public var description: String {
        switch self {
        case .unknownEnvironment(let id): "unknown environment '\(id)'"
        case .needsTabularMDP(let id): "environment '\(id)' is tabular and is built from its params"
        case .invalidState(let message): "invalid state: \(message)"
        case .invalidAction(let message): "invalid action: \(message)"
        case .invalidTimeLimit(let steps): "max_episode_steps must be positive, got \(steps)"
        }
    }
}
