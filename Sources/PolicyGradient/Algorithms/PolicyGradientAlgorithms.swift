/// The estimators the trainer knows, looked up by name.
///
/// `builtIn` is the one list of the runner's own estimators; `register` adds another at run
/// time (a test's, say), once. Lookups and registrations may come from any thread.
public enum PolicyGradientAlgorithms {
    /// The runner's estimators, in the order `EstimatorName.allCases` lists them.
    static let builtIn: [any PolicyGradientAlgorithm] = [REINFORCE(), ActorCritic(), A2C(), GAE(), PPO()]

    /// Adds `algorithm` after the registered ones. Throws `TrainerError` when its name is taken.
    public static func register(_ algorithm: any PolicyGradientAlgorithm) throws {
        guard registry.register(algorithm) else {
            throw TrainerError("an estimator '\(algorithm.name)' is already registered")
        }
    }

    /// The algorithm registered under `name`, if any.
    public static func named(_ name: TrainerSettings.EstimatorName) -> (any PolicyGradientAlgorithm)? {
        registry.entry(named: name.rawValue)
    }

    /// Every registered algorithm: the built-in ones, then those registered, in order.
    public static var all: [any PolicyGradientAlgorithm] { registry.all }

    private static let registry = NamedRegistry(builtIn, name: { $0.name.rawValue })
}
