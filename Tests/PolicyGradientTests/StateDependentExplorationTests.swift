import Foundation
import Testing

@testable import PolicyGradient

/// gSDE's Gaussian head against independent truths: Stable-Baselines3's own
/// `StateDependentNoiseDistribution` (Fixtures/sb3/gsde.json, written by
/// tools/sb3_gsde_reference.py), finite differences of the loss, and the covariance of sampled
/// actions.
@Suite struct StateDependentExplorationTests {
    struct SB3Reference: Decodable {
        var batch: Int
        var features: Int
        var actions: Int
        var beta: Double
        var phi, weight, bias: [Double]
        var log_std, action, c, w: [Double]
        var log_prob, entropy: [Double]
        var grad_weight, grad_bias, grad_mean, grad_log_std: [Double]
    }

    static func reference() throws -> SB3Reference {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try JSONDecoder().decode(
            SB3Reference.self, from: Data(contentsOf: root.appendingPathComponent("sb3/gsde.json")))
    }

    /// Float32 against float32 torch: agreement to 1e-5 relative (a few ulps through log and exp).
    static func expectNear(_ ours: [Float], _ theirs: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ours.count == theirs.count, sourceLocation: sourceLocation)
        for (a, b) in zip(ours, theirs) {
            #expect(abs(Double(a) - b) <= 1e-5 * (1 + abs(b)), "\(a) vs \(b)", sourceLocation: sourceLocation)
        }
    }

    /// A linear mean μ = W φ + b (φ the observation itself, the input of the last layer) with
    /// the reference's W, b and log σ, its rows forwarded at the reference's features.
    @Test func logProbEntropyAndGradientsMatchStableBaselines3() throws {
        let r = try Self.reference()
        var g = RandomGenerator(seed: 0, stream: .initialization)
        let policy = GaussianPolicy.mlp(
            observationSize: r.features, hidden: [], activation: .tanh, actionSize: r.actions,
            stateDependent: true, using: &g)
        #expect(policy.featureSize == r.features && policy.logStdCount == r.features * r.actions)
        let theta = r.weight + r.bias + r.log_std
        #expect(theta.count == policy.parameters.count)
        policy.parameters.parameterArray = theta.map(Float.init)
        policy.forward(r.phi.map(Float.init), count: r.batch, row: 0)
        let actions = r.action.map(Float.init)
        let logProbs = (0..<r.batch).map { i in
            policy.logProb(row: i, action: Array(actions[(i * r.actions)..<((i + 1) * r.actions)]))
        }
        Self.expectNear(logProbs, r.log_prob)
        Self.expectNear((0..<r.batch).map { policy.entropy(row: $0) }, r.entropy)

        policy.parameters.zeroGradient()
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: r.c.map(Float.init), entropyCoefficient: Float(r.beta),
            entropyWeights: r.w.map(Float.init), count: r.batch, row: 0)
        let gradient = policy.parameters.gradientArray
        let weights = r.actions * r.features
        Self.expectNear(Array(gradient[0..<weights]), r.grad_weight)
        Self.expectNear(Array(gradient[weights..<(weights + r.actions)]), r.grad_bias)
        Self.expectNear(Array(gradient[policy.logStdOffset...]), r.grad_log_std)
        #expect(r.grad_log_std.contains { abs($0) > 0.01 } && r.grad_mean.contains { abs($0) > 0.01 })
    }

    /// An MLP mean with a hidden layer: the gradient of Σ c_i log π + β Σ w_i H by central
    /// differences in Double, with φ held at its value (detached): the hidden layer learns
    /// through μ only, log σ through the variances. Tolerance: `Reference.expectClose`.
    @Test(arguments: [ActivationFunction.tanh, ActivationFunction.relu])
    func gradientsMatchFiniteDifferencesWithDetachedFeatures(activation: ActivationFunction) {
        var g = RandomGenerator(seed: 21, stream: .initialization)
        let sizes = [3, 6, 2], f = 6, k = 2, batch = 5
        let policy = GaussianPolicy.mlp(
            observationSize: 3, hidden: [6], activation: activation, actionSize: 2, logStdInit: -0.5,
            initialization: .uniform, stateDependent: true, using: &g)
        for m in 0..<(f * k) { policy.logStd[m] = Float(-1 + 0.1 * Double(m)) }
        let obs = Reference.randomFloats(batch * 3, &g)
        let actions = Reference.randomFloats(batch * k, &g)
        let c = Reference.randomFloats(batch, &g)
        let w = Reference.randomFloats(batch, &g)
        let beta: Float = 0.4
        policy.forward(obs, count: batch, row: 0)
        let theta0 = policy.parameters.parameterArray.map(Double.init)
        let offset = policy.logStdOffset
        // φ at θ₀: the hidden layer's output, held fixed whatever θ the difference moves to.
        let phi = (0..<batch).map { i in
            Reference.mlp(
                theta0, offset: 0, sizes: [3, 6], activation: activation, activateOutput: true,
                input: obs[(i * 3)..<(i * 3 + 3)].map(Double.init))
        }
        func terms(_ t: [Double], _ i: Int) -> (logProb: Double, entropy: Double) {
            let mu = Reference.mlp(
                t, offset: 0, sizes: sizes, activation: activation, input: obs[(i * 3)..<(i * 3 + 3)].map(Double.init))
            var logProb = 0.0, entropy = 0.0
            for d in 0..<k {
                var v = 1e-6
                for j in 0..<f { v += phi[i][j] * phi[i][j] * Foundation.exp(2 * t[offset + j * k + d]) }
                let diff = Double(actions[i * k + d]) - mu[d]
                logProb += -diff * diff / (2 * v) - 0.5 * Foundation.log(2 * Double.pi * v)
                entropy += 0.5 + 0.5 * Foundation.log(2 * Double.pi * v)
            }
            return (logProb, entropy)
        }
        for i in 0..<batch {
            let a = Array(actions[(i * k)..<(i * k + k)])
            #expect(abs(Double(policy.logProb(row: i, action: a)) - terms(theta0, i).logProb) < 1e-4)
            #expect(abs(Double(policy.entropy(row: i)) - terms(theta0, i).entropy) < 1e-4)
        }
        policy.parameters.zeroGradient()
        policy.accumulateGradient(
            actions: actions, logProbCoefficients: c, entropyCoefficient: beta, entropyWeights: w, count: batch, row: 0)
        let reference = Reference.gradient(theta0) { t in
            (0..<batch).reduce(0.0) { sum, i in
                let (logProb, entropy) = terms(t, i)
                return sum + Double(c[i]) * logProb + Double(beta) * Double(w[i]) * entropy
            }
        }
        Reference.expectClose(policy.parameters.gradientArray, reference)
        // Not vacuous: the hidden layer and log σ both receive gradient.
        #expect(reference[0..<18].contains { abs($0) > 1e-3 } && reference[offset...].contains { abs($0) > 1e-3 })
    }

    /// a = μ(s) + φ(s)·θ_ε with θ_ε[j, d] ~ N(0, σ_jd²) has covariance diag(Σ_j φ_j² σ_jd²): over
    /// 40,000 fresh matrices (fixed seed) the sample variance of each dimension lies within 3%
    /// of v_d − ε (standard error √(2/n) = 0.7%) and the covariance between them within 0.03 in
    /// correlation (standard error 1/√n = 0.5%); the mean within 5 standard errors of μ.
    @Test func sampledActionsHaveTheStatedCovariance() {
        var g = RandomGenerator(seed: 8, stream: .initialization)
        let policy = GaussianPolicy.mlp(
            observationSize: 2, hidden: [4], activation: .tanh, actionSize: 2, initialization: .uniform,
            stateDependent: true, using: &g)
        for m in 0..<8 { policy.logStd[m] = Float(-1.5 + 0.3 * Double(m)) }
        policy.forward([0.8, -0.4], count: 1, row: 0)
        let mu = (0..<2).map { Double(policy.mean(row: 0)[$0]) }
        let variances = (0..<2).map { Double(policy.stateDependentVariances(row: 0)[$0]) - 1e-6 }
        let exploration = ExplorationMatrices(policy: policy, copies: 1, sampleFrequency: -1)
        var rng = RandomGenerator(seed: 9, stream: .actions)
        let n = 40_000
        var sum = [0.0, 0.0], squares = [0.0, 0.0], cross = 0.0
        var a = [Float](repeating: 0, count: 2)
        for _ in 0..<n {
            exploration.resample(using: &rng)
            policy.sampleAction(row: 0, exploration: exploration.matrix(copy: 0), into: &a)
            for d in 0..<2 {
                sum[d] += Double(a[d])
                squares[d] += Double(a[d]) * Double(a[d])
            }
            cross += Double(a[0]) * Double(a[1])
        }
        let mean = sum.map { $0 / Double(n) }
        for d in 0..<2 {
            let variance = squares[d] / Double(n) - mean[d] * mean[d]
            #expect(abs(mean[d] - mu[d]) < 5 * (variances[d] / Double(n)).squareRoot())
            #expect(abs(variance / variances[d] - 1) < 0.03, "\(variance) vs \(variances[d])")
        }
        let covariance = cross / Double(n) - mean[0] * mean[1]
        #expect(abs(covariance) / (variances[0] * variances[1]).squareRoot() < 0.03)
    }

    /// One matrix per copy, drawn copy by copy, row-major, θ_ε[j, d] = σ_jd z; new draws at step 0
    /// and every `sampleFrequency` steps, none in between.
    @Test func matricesAreDrawnPerCopyOnSchedule() {
        var g = RandomGenerator(seed: 1, stream: .initialization)
        let policy = GaussianPolicy.mlp(
            observationSize: 2, hidden: [3], activation: .tanh, actionSize: 1, logStdInit: -2,
            stateDependent: true, using: &g)
        let exploration = ExplorationMatrices(policy: policy, copies: 2, sampleFrequency: 4)
        var rng = RandomGenerator(seed: 3, stream: .actions)
        var reference = rng
        exploration.resampleIfDue(step: 0, using: &rng)
        let expected = (0..<6).map { _ in Foundation.exp(Float(-2)) * Float(reference.normal()) }
        #expect(exploration.values == expected)
        for t in 1..<4 { exploration.resampleIfDue(step: t, using: &rng) }
        #expect(exploration.values == expected && rng.next() == reference.next())
        exploration.resampleIfDue(step: 8, using: &rng)
        #expect(exploration.values != expected)
        let once = ExplorationMatrices(policy: policy, copies: 1, sampleFrequency: -1)
        var before = RandomGenerator(seed: 4, stream: .actions)
        var after = before
        once.resampleIfDue(step: 5, using: &after)
        #expect(after.next() == before.next())
    }
}
