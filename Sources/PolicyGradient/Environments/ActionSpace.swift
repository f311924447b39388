/// The actions an environment accepts.
public enum ActionSpace: Sendable, Equatable, CustomStringConvertible {
    /// Integers `0..<n`.
    case discrete(Int)
    /// Real vectors of `dimension` values; the environment clips them to `[low, high]`.
    case continuous(dimension: Int, low: [Double], high: [Double])

    /// Number of values that make up one action (1 for a discrete action).
    public var actionDimension: Int {
        switch self {
        case .discrete: 1
        case .continuous(let dimension, _, _): dimension
        }
    }

    public var description: String {
        switch self {
        case .discrete(let n): "Discrete(\(n))"
        case .continuous(let dimension, let low, let high):
            "Box(low: \(low), high: \(high), shape: (\(dimension),))"
        }
    }
}
