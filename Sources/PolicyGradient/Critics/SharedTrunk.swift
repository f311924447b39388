/// One network whose last hidden layer feeds both a policy head and a value head
/// (Stable-Baselines3's shared-features actor-critic).
///
/// Layout of the single `ParameterBuffer`: trunk `[obs, hidden...]` (activation on every layer),
/// policy head `[hidden.last, actions]`, value head `[hidden.last, valueOutputs]` (and, for
/// a Gaussian policy, `log σ` last). Orthogonal gains: √2 trunk, 0.01 policy head, 1 value head.
/// The policy's and the critic's backward passes both add into the trunk's gradient; the
/// optimizer and clipping must see the buffer once (`policy.parameters === critic.parameters`).
public enum SharedTrunk {
    /// A discrete policy and a critic sharing a trunk; draws trunk, policy head, value head in order.
    public static func discrete(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, actions: Int, valueOutputs: Int = 1,
        initialization: WeightInitialization = .orthogonal, using generator: inout RandomGenerator
    ) -> (policy: NetworkPolicy, critic: NetworkCritic) {
        let (trunk, policyHead, valueHead) = build(
            observationSize: observationSize, hidden: hidden, activation: activation, policyOutputs: actions,
            valueOutputs: valueOutputs, extra: 0, initialization: initialization, using: &generator)
        return (
            NetworkPolicy(network: TrunkedNetwork(trunk: trunk, head: policyHead)),
            NetworkCritic(network: TrunkedNetwork(trunk: trunk, head: valueHead))
        )
    }

    /// A Gaussian policy and a V critic sharing a trunk; `log σ` sits after the value head.
    public static func gaussian(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, actionSize: Int, logStdInit: Float = 0,
        initialization: WeightInitialization = .orthogonal, stateDependent: Bool = false,
        using generator: inout RandomGenerator
    ) -> (policy: GaussianPolicy, critic: NetworkCritic) {
        // gSDE's log σ is [features × actions], the features being the trunk's output.
        let logStdCount = stateDependent ? hidden.last! * actionSize : actionSize
        let (trunk, policyHead, valueHead) = build(
            observationSize: observationSize, hidden: hidden, activation: activation, policyOutputs: actionSize,
            valueOutputs: 1, extra: logStdCount, initialization: initialization, using: &generator)
        let logStdOffset = valueHead.offset + valueHead.parameterCount
        return (
            GaussianPolicy(
                network: TrunkedNetwork(trunk: trunk, head: policyHead), logStdOffset: logStdOffset,
                logStdInit: logStdInit, stateDependent: stateDependent),
            NetworkCritic(network: TrunkedNetwork(trunk: trunk, head: valueHead))
        )
    }

    static func build(
        observationSize: Int, hidden: [Int], activation: ActivationFunction, policyOutputs: Int, valueOutputs: Int,
        extra: Int, initialization: WeightInitialization, using generator: inout RandomGenerator
    ) -> (MLP, MLP, MLP) {
        precondition(!hidden.isEmpty, "a shared trunk needs at least one hidden layer")
        let trunkSizes = [observationSize] + hidden
        let width = hidden.last!
        let trunkCount = MLP.parameterCount(sizes: trunkSizes)
        let policyCount = MLP.parameterCount(sizes: [width, policyOutputs])
        let valueCount = MLP.parameterCount(sizes: [width, valueOutputs])
        let buffer = ParameterBuffer(count: trunkCount + policyCount + valueCount + extra)
        let trunk = MLP(sizes: trunkSizes, activation: activation, activateOutput: true, buffer: buffer, offset: 0)
        let policyHead = MLP(sizes: [width, policyOutputs], activation: activation, buffer: buffer, offset: trunkCount)
        let valueHead = MLP(
            sizes: [width, valueOutputs], activation: activation, buffer: buffer, offset: trunkCount + policyCount)
        trunk.initialize(initialization, outputGain: Float(2).squareRoot(), using: &generator)
        policyHead.initialize(initialization, outputGain: 0.01, using: &generator)
        valueHead.initialize(initialization, outputGain: 1, using: &generator)
        return (trunk, policyHead, valueHead)
    }
}
