import Foundation
import Testing

@testable import PolicyGradient

@Suite struct PolicyTests {
    enum Kind: String, CaseIterable { case tabular, linear, mlpTanh, mlpRelu }

    static let observationSize = 5
    static let actions = 3
    static let batch = 6

    /// The policy under test, its parameters randomized, and an independent Double logits function.
    static func make(_ kind: Kind) -> (any DiscretePolicy, ([Double], [Double]) -> [Double]) {
        var g = RandomGenerator(seed: 7, stream: .initialization)
        let n = observationSize, k = actions
        switch kind {
        case .tabular:
            let p = TabularPolicy(states: n, actions: k, using: &g)
            p.parameters.parameterArray = Reference.randomFloats(n * k, &g)
            return (p, { theta, obs in
                let s = obs.indices.max { obs[$0] < obs[$1] }!
                return Array(theta[(s * k)..<((s + 1) * k)])
            })
        case .linear:
            let p = NetworkPolicy.linear(observationSize: n, actions: k, using: &g)
            p.parameters.parameterArray = Reference.randomFloats(p.parameters.count, &g, scale: 0.7)
            return (p, { Reference.mlp($0, offset: 0, sizes: [n, k], activation: .tanh, input: $1) })
        case .mlpTanh, .mlpRelu:
            let activation: ActivationFunction = kind == .mlpTanh ? .tanh : .relu
            let p = NetworkPolicy.mlp(
                observationSize: n, hidden: [16, 8], activation: activation, actions: k,
                initialization: .normal, using: &g)
            for l in 0..<3 {
                let b = p.network.head.bias(layer: l)
                for o in 0..<p.network.head.sizes[l + 1] { b[o] = Float(g.normal() * 0.3) }
            }
            return (p, {
                Reference.mlp($0, offset: 0, sizes: [n, 16, 8, k], activation: activation, input: $1)
            })
        }
    }

    /// A batch of observations: one-hot for the tabular policy, Gaussian otherwise.
    static func observations(_ kind: Kind, _ g: inout RandomGenerator) -> [Float] {
        if kind == .tabular {
            var o = [Float](repeating: 0, count: batch * observationSize)
            for i in 0..<batch { o[i * observationSize + (i * 2) % observationSize] = 1 }
            return o
        }
        return Reference.randomFloats(batch * observationSize, &g)
    }

    /// Finite-difference checks of ∂/∂θ Σ c_i log π(a_i|s_i) and of ∂/∂θ β Σ w_i H(π(·|s_i)),
    /// forwarding the batch in two calls (rows 0..<2 and 2..<6). Tolerance: `Reference.expectClose`.
    @Test(arguments: Kind.allCases)
    func discreteGradientsMatchFiniteDifferences(kind: Kind) {
        let (policy, logitsOf) = PolicyTests.make(kind)
        var g = RandomGenerator(seed: 8, stream: .diagnostics)
        let obs = PolicyTests.observations(kind, &g)
        let actions = (0..<PolicyTests.batch).map { _ in g.int(below: PolicyTests.actions) }
        let c = Reference.randomFloats(PolicyTests.batch, &g)
        let w = Reference.randomFloats(PolicyTests.batch, &g)
        let beta: Float = 0.7
        let n = PolicyTests.observationSize
        obs.withUnsafeBufferPointer { p in
            policy.forward(p.baseAddress!, count: 2, row: 0)
            policy.forward(p.baseAddress! + 2 * n, count: PolicyTests.batch - 2, row: 2)
        }
        let theta = policy.parameters.parameterArray.map(Double.init)
        func row(_ i: Int) -> [Double] { obs[(i * n)..<((i + 1) * n)].map(Double.init) }

        // Values: log π and H against the reference.
        for i in 0..<PolicyTests.batch {
            let l = logitsOf(theta, row(i))
            #expect(abs(Double(policy.logProb(row: i, action: actions[i])) - Reference.logSoftmax(l)[actions[i]]) < 1e-4)
            #expect(abs(Double(policy.entropy(row: i)) - Reference.entropy(l)) < 1e-4)
            let p = policy.probabilities(row: i)
            #expect(abs(p.reduce(0, +) - 1) < 1e-6)
        }

        policy.parameters.zeroGradient()
        policy.accumulateGradient(actions: actions, logProbCoefficients: c, count: PolicyTests.batch, row: 0)
        let logProbReference = Reference.gradient(theta) { t in
            (0..<PolicyTests.batch).reduce(0.0) {
                $0 + Double(c[$1]) * Reference.logSoftmax(logitsOf(t, row($1)))[actions[$1]]
            }
        }
        Reference.expectClose(policy.parameters.gradientArray, logProbReference)

        policy.parameters.zeroGradient()
        let zeros = [Float](repeating: 0, count: PolicyTests.batch)
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: zeros, entropyCoefficient: beta, entropyWeights: w,
            count: PolicyTests.batch, row: 0)
        let entropyReference = Reference.gradient(theta) { t in
            (0..<PolicyTests.batch).reduce(0.0) {
                $0 + Double(beta) * Double(w[$1]) * Reference.entropy(logitsOf(t, row($1)))
            }
        }
        Reference.expectClose(policy.parameters.gradientArray, entropyReference)
    }

    /// The per-logit entry point maps an arbitrary dJ/dlogits to dJ/dθ = Σ_ij g_ij ∂l_ij/∂θ.
    @Test(arguments: Kind.allCases)
    func logitGradientEntryPoint(kind: Kind) {
        let (policy, logitsOf) = PolicyTests.make(kind)
        var g = RandomGenerator(seed: 10, stream: .diagnostics)
        let obs = PolicyTests.observations(kind, &g)
        let n = PolicyTests.observationSize, k = PolicyTests.actions
        let u = Reference.randomFloats(PolicyTests.batch * k, &g)
        policy.forward(obs, count: PolicyTests.batch, row: 0)
        policy.parameters.zeroGradient()
        policy.backward(logitGradient: u, count: PolicyTests.batch, row: 0)
        let theta = policy.parameters.parameterArray.map(Double.init)
        let reference = Reference.gradient(theta) { t in
            var total = 0.0
            for i in 0..<PolicyTests.batch {
                let l = logitsOf(t, obs[(i * n)..<((i + 1) * n)].map(Double.init))
                for j in 0..<k { total += Double(u[i * k + j]) * l[j] }
            }
            return total
        }
        Reference.expectClose(policy.parameters.gradientArray, reference)
    }

    /// Frequencies of 200,000 draws against π: Pearson chi-square with 3 degrees of freedom
    /// below 16.27 (the 0.999 quantile), fixed seed; greedy picks the largest logit.
    @Test func categoricalSamplerFrequencies() {
        var g = RandomGenerator(seed: 1, stream: .initialization)
        let policy = TabularPolicy(states: 2, actions: 4, using: &g)
        policy.parameters.parameterArray = [0.5, -1, 1.2, 0, 0, 0, 0, 0]
        let states = [0]
        policy.forward(states: states, count: 1, row: 0)
        #expect(policy.greedyAction(row: 0) == 2)
        let logits: [Double] = [0.5, -1, 1.2, 0]
        let p = Reference.logSoftmax(logits).map { Foundation.exp($0) }
        var rng = RandomGenerator(seed: 42, stream: .actions)
        let draws = 200_000
        var counts = [Int](repeating: 0, count: 4)
        for _ in 0..<draws { counts[policy.sampleAction(row: 0, using: &rng)] += 1 }
        var chiSquare = 0.0
        for j in 0..<4 {
            let expected = Double(draws) * p[j]
            chiSquare += (Double(counts[j]) - expected) * (Double(counts[j]) - expected) / expected
        }
        #expect(chiSquare < 16.27, "chi-square \(chiSquare), counts \(counts)")
    }

    @Test func gaussianLogProbAndEntropyMatchClosedForm() {
        var g = RandomGenerator(seed: 3, stream: .initialization)
        let policy = GaussianPolicy.mlp(
            observationSize: 3, hidden: [8], activation: .tanh, actionSize: 2, logStdInit: -0.3,
            initialization: .normal, using: &g)
        policy.logStd[1] = 0.4
        let obs: [Float] = [0.1, -0.5, 0.9]
        policy.forward(obs, count: 1, row: 0)
        let mu = policy.mean(row: 0)
        let action: [Float] = [0.7, -1.1]
        var expected = 0.0, entropy = 0.0
        for d in 0..<2 {
            let sigma = Foundation.exp(Double(policy.logStd[d]))
            let z = (Double(action[d]) - Double(mu[d])) / sigma
            expected += -0.5 * z * z - Foundation.log(sigma * (2 * Double.pi).squareRoot())
            entropy += 0.5 * Foundation.log(2 * Double.pi * M_E * sigma * sigma)
        }
        #expect(abs(Double(policy.logProb(row: 0, action: action)) - expected) < 1e-5)
        #expect(abs(Double(policy.entropy(row: 0)) - entropy) < 1e-5)
        #expect(abs(Double(policy.logStd[0]) + 0.3) < 1e-7)
    }

    /// 100,000 draws of a = μ + σ z: sample mean within 5 standard errors of μ and sample
    /// standard deviation within 1% of σ (its standard error is σ/√(2n) ≈ 0.22%).
    @Test func gaussianSamplingMoments() {
        var g = RandomGenerator(seed: 3, stream: .initialization)
        let policy = GaussianPolicy.mlp(
            observationSize: 2, hidden: [4], activation: .tanh, actionSize: 1, logStdInit: 0.5, using: &g)
        policy.forward([0.3, -0.2], count: 1, row: 0)
        let mu = Double(policy.mean(row: 0)[0]), sigma = Foundation.exp(0.5)
        var rng = RandomGenerator(seed: 5, stream: .actions)
        var sum = 0.0, sumSquares = 0.0
        let n = 100_000
        var a: Float = 0
        for _ in 0..<n {
            policy.sampleAction(row: 0, into: &a, using: &rng)
            sum += Double(a)
            sumSquares += Double(a) * Double(a)
        }
        let mean = sum / Double(n)
        let std = (sumSquares / Double(n) - mean * mean).squareRoot()
        #expect(abs(mean - mu) < 5 * sigma / Double(n).squareRoot())
        #expect(abs(std / sigma - 1) < 0.01)
    }

    /// Finite differences for the Gaussian policy: the log-prob term (mean net and log σ) and the
    /// entropy term (log σ only). Tolerance: `Reference.expectClose`.
    @Test(arguments: [ActivationFunction.tanh, ActivationFunction.relu])
    func gaussianGradientsMatchFiniteDifferences(activation: ActivationFunction) {
        var g = RandomGenerator(seed: 12, stream: .initialization)
        let sizes = [3, 10, 2]
        let policy = GaussianPolicy.mlp(
            observationSize: 3, hidden: [10], activation: activation, actionSize: 2, logStdInit: -0.2,
            initialization: .normal, using: &g)
        policy.logStd[1] = 0.3
        let batch = 5
        let obs = Reference.randomFloats(batch * 3, &g)
        let actions = Reference.randomFloats(batch * 2, &g)
        let c = Reference.randomFloats(batch, &g)
        let w = Reference.randomFloats(batch, &g)
        let beta: Float = 0.6
        policy.forward(obs, count: 3, row: 0)
        obs.withUnsafeBufferPointer { policy.forward($0.baseAddress! + 9, count: 2, row: 3) }
        let theta = policy.parameters.parameterArray.map(Double.init)
        let offset = policy.logStdOffset
        func logProb(_ t: [Double], _ i: Int) -> Double {
            let mu = Reference.mlp(
                t, offset: 0, sizes: sizes, activation: activation, input: obs[(i * 3)..<(i * 3 + 3)].map(Double.init))
            var total = 0.0
            for d in 0..<2 {
                let z = (Double(actions[i * 2 + d]) - mu[d]) / Foundation.exp(t[offset + d])
                total += -0.5 * z * z - t[offset + d] - 0.5 * Foundation.log(2 * Double.pi)
            }
            return total
        }
        for i in 0..<batch {
            let a = Array(actions[(i * 2)..<(i * 2 + 2)])
            #expect(abs(Double(policy.logProb(row: i, action: a)) - logProb(theta, i)) < 1e-4)
        }
        policy.parameters.zeroGradient()
        policy.accumulateGradient(actions: actions, logProbCoefficients: c, count: batch, row: 0)
        Reference.expectClose(
            policy.parameters.gradientArray,
            Reference.gradient(theta) { t in (0..<batch).reduce(0.0) { $0 + Double(c[$1]) * logProb(t, $1) } })

        policy.parameters.zeroGradient()
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: [Float](repeating: 0, count: batch), entropyCoefficient: beta,
            entropyWeights: w, count: batch, row: 0)
        let entropyReference = Reference.gradient(theta) { t in
            let h = (0..<2).reduce(0.0) { $0 + 0.5 + 0.5 * Foundation.log(2 * Double.pi) + t[offset + $1] }
            return (0..<batch).reduce(0.0) { $0 + Double(beta) * Double(w[$1]) * h }
        }
        let analytic = policy.parameters.gradientArray
        for k in 0..<analytic.count {
            #expect(abs(Double(analytic[k]) - entropyReference[k]) <= 1e-5 * (1 + abs(entropyReference[k])))
        }
        #expect(abs(entropyReference[offset]) > 0.1)
    }

    /// The architecture constructors: types, default inits (tabular/linear zeros give the uniform
    /// policy; mlp's orthogonal head with gain 0.01 gives a near-uniform one), seeded determinism.
    @Test(arguments: ModelArchitecture.allCases)
    func architectureConstructors(architecture: ModelArchitecture) {
        var g1 = RandomGenerator(seed: 6, stream: .initialization)
        var g2 = RandomGenerator(seed: 6, stream: .initialization)
        let a = architecture.makeDiscretePolicy(observationSize: 4, actions: 3, using: &g1)
        let b = architecture.makeDiscretePolicy(observationSize: 4, actions: 3, using: &g2)
        #expect(a.parameters.parameterArray == b.parameters.parameterArray)
        #expect(a.observationSize == 4 && a.actionCount == 3)
        let obs: [Float] = [0, 1, 0, 0, 0.3, -0.2, 0.9, 0.1]
        a.forward(obs, count: 2, row: 0)
        for r in 0..<2 {
            for p in a.probabilities(row: r) {
                #expect(abs(p - 1.0 / 3) < (architecture == .mlp ? 0.02 : 1e-7))
            }
        }
        let critic = architecture.makeCritic(observationSize: 4, outputs: 2, using: &g1)
        #expect(critic.outputCount == 2 && critic.observationSize == 4)
        if architecture != .tabular {
            let gaussian = architecture.makeGaussianPolicy(
                observationSize: 4, actionSize: 2, logStdInit: -1, using: &g1)
            #expect(gaussian.actionSize == 2 && gaussian.logStd[1] == -1)
        }
    }
}
