import Foundation

/// The estimators the trainer knows, looked up by name.
///
/// `builtIn` is the one list of the runner's own estimators; `register` adds another at run
/// time (a test's, say). Lookups and registrations may come from any thread.
public enum PolicyGradientAlgorithms {
    /// The runner's estimators, in the order `EstimatorName.allCases` lists them.
    static let builtIn: [any PolicyGradientAlgorithm] = [REINFORCE(), ActorCritic(), A2C(), GAE(), PPO()]

    /// Adds `algorithm`, or replaces the one registered under its name.
    public static func register(_ algorithm: any PolicyGradientAlgorithm) {
        registry.register(algorithm)
    }

    /// The algorithm registered under `name`, if any.
    public static func named(_ name: TrainerSettings.EstimatorName) -> (any PolicyGradientAlgorithm)? {
        registry.named(name)
    }

    /// Every registered algorithm: the built-in ones, then those registered, in order.
    public static var all: [any PolicyGradientAlgorithm] { registry.all }

    private static let registry = Registry(builtIn)

    /// The list behind a lock, so that a registration is safe while other threads look up.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var algorithms: [any PolicyGradientAlgorithm]

        init(_ algorithms: [any PolicyGradientAlgorithm]) { self.algorithms = algorithms }

        var all: [any PolicyGradientAlgorithm] { lock.withLock { algorithms } }

        func named(_ name: TrainerSettings.EstimatorName) -> (any PolicyGradientAlgorithm)? {
            lock.withLock { algorithms.first { $0.name == name } }
        }

        func register(_ algorithm: any PolicyGradientAlgorithm) {
            lock.withLock {
                if let i = algorithms.firstIndex(where: { $0.name == algorithm.name }) {
                    algorithms[i] = algorithm
                } else {
                    algorithms.append(algorithm)
                }
            }
        }
    }
}
