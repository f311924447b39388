import Foundation
import Testing

@testable import PolicyGradient

@Suite struct CriticTests {
    enum Kind: String, CaseIterable { case tabularV, tabularQ, linearV, mlpV, mlpQ }

    /// ∂/∂θ of `scale · Σ_i ½ (v_i − y_i)²` (V, or Q at the taken action) against Double finite
    /// differences of an independent forward. Tolerance: `Reference.expectClose`.
    @Test(arguments: Kind.allCases)
    func squaredErrorGradientMatchesFiniteDifferences(kind: Kind) {
        var g = RandomGenerator(seed: 31, stream: .initialization)
        let n = 4, k = 3, batch = 6
        let critic: any Critic
        let outputsOf: ([Double], [Double]) -> [Double]
        switch kind {
        case .tabularV, .tabularQ:
            let outputs = kind == .tabularV ? 1 : k
            let c = TabularCritic(states: n, outputs: outputs)
            c.parameters.parameterArray = Reference.randomFloats(c.parameters.count, &g)
            critic = c
            outputsOf = { t, o in
                let s = o.indices.max { o[$0] < o[$1] }!
                return Array(t[(s * outputs)..<((s + 1) * outputs)])
            }
        case .linearV:
            let c = NetworkCritic.linear(observationSize: n, using: &g)
            c.parameters.parameterArray = Reference.randomFloats(c.parameters.count, &g)
            critic = c
            outputsOf = { Reference.mlp($0, offset: 0, sizes: [n, 1], activation: .tanh, input: $1) }
        case .mlpV, .mlpQ:
            let outputs = kind == .mlpV ? 1 : k
            let c = NetworkCritic.mlp(
                observationSize: n, hidden: [12, 12], activation: .tanh, outputs: outputs, using: &g)
            critic = c
            outputsOf = {
                Reference.mlp($0, offset: 0, sizes: [n, 12, 12, outputs], activation: .tanh, input: $1)
            }
        }
        var obs = Reference.randomFloats(batch * n, &g)
        if kind == .tabularV || kind == .tabularQ {
            obs = [Float](repeating: 0, count: batch * n)
            for i in 0..<batch { obs[i * n + (i * 3) % n] = 1 }
        }
        let targets = Reference.randomFloats(batch, &g)
        let actions = (0..<batch).map { _ in g.int(below: critic.outputCount) }
        let scale: Float = 0.5
        critic.forward(obs, count: batch, row: 0)
        let theta = critic.parameters.parameterArray.map(Double.init)
        func row(_ i: Int) -> [Double] { obs[(i * n)..<((i + 1) * n)].map(Double.init) }
        func loss(_ t: [Double]) -> Double {
            (0..<batch).reduce(0.0) {
                let e = outputsOf(t, row($1))[actions[$1]] - Double(targets[$1])
                return $0 + 0.5 * e * e
            }
        }
        critic.parameters.zeroGradient()
        let reported = critic.accumulateSquaredErrorGradient(
            targets: targets, actions: critic.outputCount > 1 ? actions : nil, scale: scale, count: batch, row: 0)
        #expect(abs(Double(reported) - loss(theta)) < 1e-4 * (1 + loss(theta)))
        Reference.expectClose(
            critic.parameters.gradientArray, Reference.gradient(theta) { Double(scale) * loss($0) })
    }

    /// Shared trunk: the policy objective `Σ c_i log π(a_i|s_i) + β Σ H_i` and the value loss
    /// `s · Σ ½ (V(s_i) − y_i)²` both flow into the one buffer, trunk included.
    @Test(arguments: [ActivationFunction.tanh, ActivationFunction.relu])
    func sharedTrunkGradientMatchesFiniteDifferences(activation: ActivationFunction) {
        var g = RandomGenerator(seed: 41, stream: .initialization)
        let n = 4, k = 3, batch = 5, hidden = [10, 8]
        let (policy, critic) = SharedTrunk.discrete(
            observationSize: n, hidden: hidden, activation: activation, actions: k, initialization: .normal,
            using: &g)
        #expect(policy.parameters === critic.parameters)
        let buffer = policy.parameters
        // Random values everywhere (biases included) so every term is exercised.
        buffer.parameterArray = Reference.randomFloats(buffer.count, &g, scale: 0.5)
        let obs = Reference.randomFloats(batch * n, &g)
        let actions = (0..<batch).map { _ in g.int(below: k) }
        let c = Reference.randomFloats(batch, &g)
        let targets = Reference.randomFloats(batch, &g)
        let beta: Float = 0.3, scale: Float = 0.5
        policy.forward(obs, count: batch, row: 0)
        critic.forward(obs, count: batch, row: 0)
        buffer.zeroGradient()
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: c, entropyCoefficient: beta, count: batch, row: 0)
        critic.accumulateSquaredErrorGradient(targets: targets, scale: scale, count: batch, row: 0)

        let trunkSizes = [n] + hidden
        let trunkCount = MLP.parameterCount(sizes: trunkSizes)
        let policyCount = MLP.parameterCount(sizes: [8, k])
        let theta = buffer.parameterArray.map(Double.init)
        func objective(_ t: [Double]) -> Double {
            var total = 0.0
            for i in 0..<batch {
                let features = Reference.mlp(
                    t, offset: 0, sizes: trunkSizes, activation: activation, activateOutput: true,
                    input: obs[(i * n)..<((i + 1) * n)].map(Double.init))
                let logits = Reference.mlp(t, offset: trunkCount, sizes: [8, k], activation: activation, input: features)
                let value = Reference.mlp(
                    t, offset: trunkCount + policyCount, sizes: [8, 1], activation: activation, input: features)[0]
                total += Double(c[i]) * Reference.logSoftmax(logits)[actions[i]]
                total += Double(beta) * Reference.entropy(logits)
                let e = value - Double(targets[i])
                total += Double(scale) * 0.5 * e * e
            }
            return total
        }
        let reference = Reference.gradient(theta, objective)
        Reference.expectClose(buffer.gradientArray, reference)
        // Both heads reach the trunk: its gradient differs from the policy-only gradient.
        buffer.zeroGradient()
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: c, entropyCoefficient: beta, count: batch, row: 0)
        let policyOnly = buffer.gradientArray
        let combined = reference
        #expect((0..<trunkCount).contains { abs(Double(policyOnly[$0]) - combined[$0]) > 1e-3 })
    }

    @Test func sharedTrunkGaussianLayout() {
        var g = RandomGenerator(seed: 2, stream: .initialization)
        let (policy, critic) = SharedTrunk.gaussian(
            observationSize: 3, hidden: [16, 16], activation: .tanh, actionSize: 2, logStdInit: -0.5, using: &g)
        #expect(policy.parameters === critic.parameters)
        #expect(policy.logStdOffset + 2 == policy.parameters.count)
        #expect(policy.logStd[0] == -0.5 && policy.logStd[1] == -0.5)
        // The value head's weights are orthogonal with gain 1 (one row: norm 1).
        let w = critic.network.head.weights(layer: 0)
        let norm = (0..<16).reduce(0.0) { $0 + Double(w[$1]) * Double(w[$1]) }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
    }

    /// A target network copies θ, then stays put while the online critic changes.
    @Test func targetNetworkCopiesParameters() {
        var g = RandomGenerator(seed: 5, stream: .initialization)
        let critic = NetworkCritic.mlp(observationSize: 3, hidden: [8], activation: .tanh, using: &g)
        let target = critic.makeTarget()
        #expect(target.parameters !== critic.parameters)
        #expect(target.parameters.parameterArray == critic.parameters.parameterArray)
        let obs: [Float] = [0.2, -0.4, 1.0]
        critic.forward(obs, count: 1, row: 0)
        target.forward(obs, count: 1, row: 0)
        #expect(critic.value(row: 0) == target.value(row: 0))
        critic.parameters.values[critic.parameters.count - 1] += 1
        critic.forward(obs, count: 1, row: 0)
        target.forward(obs, count: 1, row: 0)
        #expect(abs(critic.value(row: 0) - target.value(row: 0) - 1) < 1e-6)
        target.copyParameters(from: critic)
        target.forward(obs, count: 1, row: 0)
        #expect(critic.value(row: 0) == target.value(row: 0))

        let (_, shared) = SharedTrunk.discrete(
            observationSize: 3, hidden: [8], activation: .tanh, actions: 2, using: &g)
        let sharedTarget = shared.makeTarget()
        shared.forward(obs, count: 1, row: 0)
        sharedTarget.forward(obs, count: 1, row: 0)
        #expect(shared.value(row: 0) == sharedTarget.value(row: 0))
    }
}
