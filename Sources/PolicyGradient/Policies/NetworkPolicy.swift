/// A softmax policy whose logits come from a network: `linear` (`logits = W obs + b`),
/// `mlp` (`[obs, hidden..., actions]`), or a head on a shared trunk.
public final class NetworkPolicy: DiscretePolicy {
    /// The logits network.
    public let network: TrunkedNetwork
    public let distributions: CategoricalDistributions
    public var parameters: ParameterBuffer { network.head.buffer }
    public var observationSize: Int { network.inputSize }
    public var actionCount: Int { network.outputSize }

    /// A policy over an existing network (e.g. a head on a shared trunk).
    public init(network: TrunkedNetwork, capacity: Int = 64) {
        self.network = network
        distributions = CategoricalDistributions(actionCount: network.outputSize, capacity: capacity)
    }

    /// `logits = W obs + b`, `W` initialized by `initialization` (orthogonal: gain 0.01).
    public static func linear(
        observationSize: Int, actions: Int, initialization: WeightInitialization = .zeros,
        using generator: inout RandomGenerator
    ) -> NetworkPolicy {
        mlp(observationSize: observationSize, hidden: [], activation: .tanh, actions: actions,
            initialization: initialization, using: &generator)
    }

    /// An MLP `[observationSize, hidden..., actions]`; orthogonal init uses gain √2 on hidden
    /// layers and 0.01 on the logits layer.
    public static func mlp(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, actions: Int,
        initialization: WeightInitialization = .orthogonal, using generator: inout RandomGenerator
    ) -> NetworkPolicy {
        let net = MLP(sizes: [observationSize] + hidden + [actions], activation: activation)
        net.initialize(initialization, outputGain: 0.01, using: &generator)
        return NetworkPolicy(network: TrunkedNetwork(trunk: nil, head: net))
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        distributions.reserve(rows: row + count)
        let out = network.forward(observations, count: count, row: row)
        (distributions.logits + row * actionCount).update(from: out, count: count * actionCount)
        distributions.normalize(count: count, row: row)
    }

    public func backward(logitGradient: UnsafePointer<Float>, count: Int, row: Int) {
        network.backward(outputGradient: logitGradient, count: count, row: row)
    }
}
