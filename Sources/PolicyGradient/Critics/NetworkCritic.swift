/// A value network: `linear` (`V = w·obs + b`), `mlp` (`[obs, hidden..., outputs]`, value head
/// gain 1), or a value head on a shared trunk. `outputs` is 1 for V and the number of actions for Q.
public final class NetworkCritic: Critic {
    /// The value network.
    public let network: TrunkedNetwork
    public var parameters: ParameterBuffer { network.head.buffer }
    public var observationSize: Int { network.inputSize }
    public var outputCount: Int { network.outputSize }
    private let scratch: ScratchBuffer<Float>

    /// A critic over an existing network (e.g. a value head on a shared trunk).
    public init(network: TrunkedNetwork, capacity: Int = 64) {
        self.network = network
        scratch = ScratchBuffer(capacity: network.outputSize * Swift.max(capacity, 1), zero: 0)
    }

    /// `V(s) = W obs + b` (or Q with `outputs` columns); orthogonal init uses gain 1.
    public static func linear(
        observationSize: Int, outputs: Int = 1, initialization: WeightInitialization = .zeros,
        using generator: inout RandomGenerator
    ) -> NetworkCritic {
        mlp(observationSize: observationSize, hidden: [], activation: .tanh, outputs: outputs,
            initialization: initialization, using: &generator)
    }

    /// An MLP `[observationSize, hidden..., outputs]`; orthogonal init uses gain √2 on hidden
    /// layers and 1 on the value layer.
    public static func mlp(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, outputs: Int = 1,
        initialization: WeightInitialization = .orthogonal, using generator: inout RandomGenerator
    ) -> NetworkCritic {
        let net = MLP(sizes: [observationSize] + hidden + [outputs], activation: activation)
        net.initialize(initialization, outputGain: 1, using: &generator)
        return NetworkCritic(network: TrunkedNetwork(trunk: nil, head: net))
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        network.forward(observations, count: count, row: row)
    }

    public func output(row: Int) -> UnsafeMutablePointer<Float> { network.output(row: row) }

    public func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int) {
        network.backward(outputGradient: outputGradient, count: count, row: row)
    }

    public func outputGradientScratch(count: Int) -> UnsafeMutablePointer<Float> {
        scratch.reserve(count * outputCount)
        return scratch.pointer
    }

    /// A copy of the whole buffer (with a shared trunk this includes the policy head, unused)
    /// and the same views into it.
    public func makeTarget() -> any Critic {
        let buffer = ParameterBuffer(count: parameters.count)
        buffer.copyValues(from: parameters)
        func clone(_ net: MLP) -> MLP {
            MLP(sizes: net.sizes, activation: net.activation, activateOutput: net.activateOutput,
                buffer: buffer, offset: net.offset, capacity: net.capacity)
        }
        let trunk = network.trunk.map(clone)
        return NetworkCritic(network: TrunkedNetwork(trunk: trunk, head: clone(network.head)))
    }
}
