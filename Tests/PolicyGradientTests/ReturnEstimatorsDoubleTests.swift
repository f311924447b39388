import Testing

@testable import PolicyGradient

/// The Double estimators against their definitions written as sums, and against the Float32
/// ones where every intermediate is exact in Float32 (small dyadic numbers).
@Suite struct ReturnEstimatorsDoubleTests {
    // Two copies, four steps, time-major; copy 1 ends at t = 1.
    static let n = 2, steps = 4
    static let rewards: [Double] = [1, 0.5, 2, 1.5, 0.25, 3, 1, 2]
    static let values: [Double] = [4, 2, 3, 1, 2.5, 0.5, 1, 3]
    static let ended = [false, false, false, true, false, false, false, false]
    static let next: [Double] = [3, 1, 2.5, 0, 1, 3, 6, 5]

    @Test func nStepReturnsAreTheDiscountedSumsCutAtEpisodeEnds() {
        let gamma = 0.5
        var out = [Double](repeating: 0, count: 8)
        ReturnEstimators.nStepReturns(
            rewards: Self.rewards, ended: Self.ended, nextValues: Self.next, gamma: gamma, numEnvs: 2, steps: 4,
            into: &out)
        for i in 0..<Self.n {
            for t in 0..<Self.steps {
                // Σ_{u=t}^{e} γ^{u−t} r_u + γ^{e−t+1} next_e, e the first end or the last step.
                var sum = 0.0, power = 1.0, u = t
                while true {
                    let k = u * Self.n + i
                    sum += power * Self.rewards[k]
                    power *= gamma
                    if Self.ended[k] || u == Self.steps - 1 { sum += power * Self.next[k]; break }
                    u += 1
                }
                #expect(out[t * Self.n + i] == sum)
            }
        }
        let float = nStep(Self.rewards.map(Float.init), Self.ended, Self.next.map(Float.init), gamma: 0.5, n: 2, steps: 4)
        #expect(float.map(Double.init) == out)
    }

    @Test func generalizedAdvantagesAreTheDiscountedSumsOfTemporalDifferences() {
        let gamma = 0.5, gaeLambda = 0.5
        var out = [Double](repeating: 0, count: 8)
        ReturnEstimators.generalizedAdvantages(
            rewards: Self.rewards, values: Self.values, ended: Self.ended, nextValues: Self.next, gamma: gamma,
            gaeLambda: gaeLambda, numEnvs: 2, steps: 4, into: &out)
        for i in 0..<Self.n {
            for t in 0..<Self.steps {
                var sum = 0.0, power = 1.0, u = t
                while true {
                    let k = u * Self.n + i
                    sum += power * (Self.rewards[k] + gamma * Self.next[k] - Self.values[k])
                    power *= gamma * gaeLambda
                    if Self.ended[k] || u == Self.steps - 1 { break }
                    u += 1
                }
                #expect(out[t * Self.n + i] == sum)
            }
        }
        let float = gae(
            Self.rewards.map(Float.init), Self.values.map(Float.init), Self.ended, Self.next.map(Float.init),
            gamma: 0.5, gaeLambda: 0.5, n: 2, steps: 4)
        #expect(float.map(Double.init) == out)
    }

    @Test(arguments: [true, false])
    func episodeReturnsAreRewardsToGoOrTheWholeReturn(rewardToGo: Bool) {
        // Episodes [1, 2, 4] and [8, 16].
        let rewards: [Double] = [1, 2, 4, 8, 16]
        let ended = [false, false, true, false, true], time = [0, 1, 2, 0, 1]
        var out = [Double](repeating: 0, count: 5)
        ReturnEstimators.episodeReturns(rewards: rewards, ended: ended, count: 5, gamma: 0.5, into: &out)
        if !rewardToGo { ReturnEstimators.holdEpisodeStart(&out, time: time, count: 5) }
        #expect(out == (rewardToGo ? [3, 4, 4, 16, 16] : [3, 3, 3, 16, 16]))
    }

    @Test func normalizeStandardizesWithTheUnbiasedDeviation() {
        let raw: [Double] = [100.001, 100.002, 100.004, 100.007]
        var values = raw
        ReturnEstimators.normalize(&values, count: 4)
        // Deviations 0.0025 below to 0.0035 above the mean 100.0035; unbiased std
        // √((0.0025² + 0.0015² + 0.0005² + 0.0035²) / 3) = √(2.1e-5 / 3); divided by std + 1e-8.
        let std = (2.1e-5 / 3).squareRoot()
        let expected = raw.map { ($0 - 100.0035) / (std + 1e-8) }
        for (v, e) in zip(values, expected) { #expect(abs(v - e) < 1e-9) }
    }
}
