import Foundation
import Testing
@testable import PolicyGradient

/// Array wrappers over the pointer-based estimators, time-major `[T × N]`.
func nStep(_ r: [Float], _ ended: [Bool], _ next: [Float], gamma: Float, n: Int, steps: Int) -> [Float] {
    var out = [Float](repeating: 0, count: r.count)
    ReturnEstimators.nStepReturns(rewards: r, ended: ended, nextValues: next, gamma: gamma, numEnvs: n, steps: steps, into: &out)
    return out
}

func gae(_ r: [Float], _ v: [Float], _ ended: [Bool], _ next: [Float], gamma: Float, gaeLambda: Float, n: Int, steps: Int) -> [Float] {
    var out = [Float](repeating: 0, count: r.count)
    ReturnEstimators.generalizedAdvantages(
        rewards: r, values: v, ended: ended, nextValues: next, gamma: gamma, gaeLambda: gaeLambda, numEnvs: n, steps: steps,
        into: &out)
    return out
}

@Suite struct EstimatorTests {
    @Test func discountedRewardToGo() {
        // G_2 = 3, G_1 = 2 + 0.5·3 = 3.5, G_0 = 1 + 0.5·3.5 = 2.75.
        #expect(ReturnEstimators.rewardToGo([1, 2, 3], gamma: 0.5) == [2.75, 3.5, 3])
        #expect(ReturnEstimators.rewardToGo([4], gamma: 0.9) == [4])
    }

    @Test func nStepReturnsCutAndBootstrap() {
        // Two copies, three steps, time-major. Copy 0 never ends and bootstraps V(s_T) = 8.
        // Copy 1 terminates at t = 0 (next 0), is truncated at t = 1 and bootstrapped with
        // V(final) = 4, and bootstraps V(s_T) = 6 at t = 2. Inner non-ended next values (100) must
        // be ignored by the recursion.
        let rewards: [Float] = [1, 1, 2, 1, 3, 1]
        let ended = [false, true, false, true, false, false]
        let next: [Float] = [100, 0, 100, 4, 8, 6]
        let r = nStep(rewards, ended, next, gamma: 0.5, n: 2, steps: 3)
        // Copy 0: R_2 = 3 + 0.5·8 = 7, R_1 = 2 + 3.5 = 5.5, R_0 = 1 + 2.75 = 3.75.
        // Copy 1: R_0 = 1 + 0 = 1, R_1 = 1 + 0.5·4 = 3, R_2 = 1 + 0.5·6 = 4.
        #expect(r == [3.75, 1, 5.5, 3, 7, 4])
        // Without the truncation bootstrap the caller passes 0: R_1 = 1.
        let cut = nStep(rewards, ended, [100, 0, 100, 0, 8, 6], gamma: 0.5, n: 2, steps: 3)
        #expect(cut[3] == 1)
    }

    @Test func gaeEqualsTheDirectSum() {
        var g = RandomGenerator(seed: 11, stream: .diagnostics)
        let n = 3, steps = 7, count = n * steps
        let gamma: Float = 0.97, lambda: Float = 0.8
        let rewards = (0..<count).map { _ in Float(g.normal()) }
        let values = (0..<count).map { _ in Float(g.normal()) }
        let ended = (0..<count).map { _ in g.uniform() < 0.2 }
        // Successor values: V(s_{t+1}) for continuing inner terms, arbitrary at the ends.
        var next = (0..<count).map { _ in Float(g.normal()) }
        for t in 0..<(steps - 1) { for i in 0..<n where !ended[t * n + i] { next[t * n + i] = values[(t + 1) * n + i] } }
        let fast = gae(rewards, values, ended, next, gamma: gamma, gaeLambda: lambda, n: n, steps: steps)
        for i in 0..<n {
            for t in 0..<steps {
                // A_t = Σ_k (γλ)^k δ_{t+k}, stopping after the first ended term or at T − 1.
                var a = 0.0, decay = 1.0, u = t
                while true {
                    let k = u * n + i
                    let delta = Double(rewards[k]) + Double(gamma) * Double(next[k]) - Double(values[k])
                    a += decay * delta
                    if ended[k] || u == steps - 1 { break }
                    decay *= Double(gamma * lambda)
                    u += 1
                }
                #expect(abs(Double(fast[t * n + i]) - a) < 1e-5, "t \(t) copy \(i)")
            }
        }
        // λ = 1: A_t + V(s_t) is the n-step return.
        let a1 = gae(rewards, values, ended, next, gamma: gamma, gaeLambda: 1, n: n, steps: steps)
        let returns = nStep(rewards, ended, next, gamma: gamma, n: n, steps: steps)
        for k in 0..<count { #expect(abs(a1[k] + values[k] - returns[k]) < 1e-5) }
    }

    @Test func normalizeUsesTheUnbiasedStd() {
        let x: [Float] = [1, 2, 4, 9]
        let mean = 4.0
        let std = ((9.0 + 4 + 0 + 25) / 3).squareRoot()  // sample std, n − 1
        let z = ReturnEstimators.normalized(x)
        for (a, b) in zip(z, x) { #expect(abs(Double(a) - (Double(b) - mean) / (std + 1e-8)) < 1e-6) }
        #expect(ReturnEstimators.normalized([5]) == [5])
    }

    @Test func clippedSurrogateGradientMatchesFiniteDifferences() {
        // A tabular policy, 2 states × 3 actions, and four terms whose ratios straddle the clip range.
        var g = RandomGenerator(seed: 5, stream: .initialization)
        let policy = TabularPolicy(states: 2, actions: 3, initialization: .normal, using: &g)
        for j in 0..<6 { policy.parameters.values[j] = Float(g.normal()) }
        let states = [0, 1, 1, 0], actions = [0, 2, 1, 1]
        let advantages: [Float] = [1.5, -0.7, 2.0, -1.2]
        let oldLogProbs: [Float] = [-1.6, -0.6, -1.9, -0.3]
        let epsilon: Float = 0.2
        func logProbs(_ theta: [Double]) -> [Double] {
            zip(states, actions).map { s, a in
                let z = theta[(s * 3)..<(s * 3 + 3)]
                let top = z.max()!
                return theta[s * 3 + a] - top - Foundation.log(z.map { Foundation.exp($0 - top) }.reduce(0, +))
            }
        }
        func loss(_ theta: [Double]) -> Double {
            let lp = logProbs(theta)
            var total = 0.0
            for i in 0..<4 {
                let r = Foundation.exp(lp[i] - Double(oldLogProbs[i]))
                let a = Double(advantages[i])
                total += max(-a * r, -a * min(max(r, 1 - Double(epsilon)), 1 + Double(epsilon)))
            }
            return total / 4
        }
        let theta = policy.parameters.parameterArray.map(Double.init)
        let ratios = zip(logProbs(theta), oldLogProbs).map { Foundation.exp($0 - Double($1)) }
        #expect(ratios.contains { $0 > 1.2 } && ratios.contains { $0 < 0.8 }, "some terms are clipped: \(ratios)")
        states.withUnsafeBufferPointer { policy.forward(states: $0.baseAddress!, count: 4, row: 0) }
        let newLogProbs = (0..<4).map { policy.logProb(row: $0, action: actions[$0]) }
        let (l, c) = ClippedSurrogate.loss(logProbs: newLogProbs, oldLogProbs: oldLogProbs, advantages: advantages, clip: epsilon)
        #expect(abs(Double(l) - loss(theta)) < 1e-5)
        policy.parameters.zeroGradient()
        policy.accumulateGradient(actions: actions, logProbCoefficients: c, count: 4)
        let h = 1e-6
        for j in 0..<6 {
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(Double(policy.parameters.gradient[j]) - numeric) < 1e-4, "θ[\(j)]")
        }
    }
}
