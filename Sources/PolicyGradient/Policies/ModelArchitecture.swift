/// The `policy.architecture` of an experiment, and constructors for the matching policies and
/// critics (the critic follows the policy's architecture: docs/configuration.md, critic).
public enum ModelArchitecture: String, Sendable, CaseIterable {
    /// One parameter per (state, action) or per state; observations are one-hot.
    case tabular
    /// Affine in the observation.
    case linear
    /// A multilayer perceptron with the given hidden widths.
    case mlp

    /// `orthogonal` for `mlp`, `zeros` for `tabular` and `linear`.
    public var defaultInitialization: WeightInitialization {
        self == .mlp ? .orthogonal : .zeros
    }

    /// A softmax policy over `actions` actions; `hidden` and `activation` matter for `mlp` only;
    /// `initialization` nil means `defaultInitialization`.
    public func makeDiscretePolicy(
        observationSize: Int, actions: Int, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
        initialization: WeightInitialization? = nil, using generator: inout RandomGenerator
    ) -> any DiscretePolicy {
        let scheme = initialization ?? defaultInitialization
        switch self {
        case .tabular:
            return TabularPolicy(states: observationSize, actions: actions, initialization: scheme, using: &generator)
        case .linear:
            return NetworkPolicy.linear(
                observationSize: observationSize, actions: actions, initialization: scheme, using: &generator)
        case .mlp:
            return NetworkPolicy.mlp(
                observationSize: observationSize, hidden: hidden, activation: activation, actions: actions,
                initialization: scheme, using: &generator)
        }
    }

    /// A Gaussian policy (`linear` or `mlp` mean; a tabular policy cannot act continuously).
    public func makeGaussianPolicy(
        observationSize: Int, actionSize: Int, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
        initialization: WeightInitialization? = nil, logStdInit: Float = 0, stateDependent: Bool = false,
        using generator: inout RandomGenerator
    ) -> GaussianPolicy {
        precondition(self != .tabular, "a tabular policy needs discrete actions")
        return GaussianPolicy.mlp(
            observationSize: observationSize, hidden: self == .mlp ? hidden : [], activation: activation,
            actionSize: actionSize, logStdInit: logStdInit, initialization: initialization ?? defaultInitialization,
            stateDependent: stateDependent,
            using: &generator)
    }

    /// A critic with `outputs` values per state (1: V, actions: Q); a tabular critic starts at 0.
    public func makeCritic(
        observationSize: Int, outputs: Int = 1, hidden: [Int] = [64, 64], activation: ActivationFunction = .tanh,
        initialization: WeightInitialization? = nil, using generator: inout RandomGenerator
    ) -> any Critic {
        let scheme = initialization ?? defaultInitialization
        switch self {
        case .tabular:
            return TabularCritic(states: observationSize, outputs: outputs)
        case .linear:
            return NetworkCritic.linear(
                observationSize: observationSize, outputs: outputs, initialization: scheme, using: &generator)
        case .mlp:
            return NetworkCritic.mlp(
                observationSize: observationSize, hidden: hidden, activation: activation, outputs: outputs,
                initialization: scheme, using: &generator)
        }
    }
}
