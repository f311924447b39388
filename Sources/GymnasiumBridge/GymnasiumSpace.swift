import PolicyGradient

/// A Gymnasium space the bridge carries: a `Discrete` or a `Box` of any shape, flattened in
/// row-major order.
package enum GymnasiumSpace: Sendable, Equatable {
    /// The integers `start ..< start + n`.
    case discrete(n: Int, start: Int)
    /// Arrays of `shape` between `low` and `high` (flattened, one bound per value), stored by
    /// the environment as `dtype` (`float32`, `float64`, ...).
    case box(shape: [Int], dtype: String, low: [Double], high: [Double])

    /// Values per copy in the shared memory: 1 for `Discrete`, the product of the shape for `Box`.
    package var flatSize: Int {
        switch self {
        case .discrete: 1
        case .box(let shape, _, _, _): shape.reduce(1, *)
        }
    }

    /// The space as the trainer's policies see it: `Discrete(n)` picks an index `0..<n` (the
    /// worker adds `start`), a `Box` is a flat vector.
    package var actionSpace: ActionSpace {
        switch self {
        case .discrete(let n, _): .discrete(n)
        case .box(_, _, let low, let high): .continuous(dimension: flatSize, low: low, high: high)
        }
    }
}
