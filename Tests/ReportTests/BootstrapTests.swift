import PolicyGradient
import Testing
@testable import Report

struct BootstrapTests {
    /// Coverage: for 400 samples of n = 20 from N(0, 1) (data seed 2024, stream
    /// `.evaluation`), the 95% interval contains the true mean 0 in 90%–99% of them. The
    /// percentile bootstrap under-covers slightly at n = 20 (about 93–94% expected); a
    /// binomial(400, 0.94) count has sd ≈ 4.7, so the band [360, 396] is > 5 sd wide on each
    /// side of the expectation.
    @Test func coversTheTrueMeanAboutNinetyFivePercent() {
        var data = RandomGenerator(seed: 2024, stream: .evaluation)
        let bootstrap = Bootstrap()
        var covered = 0
        for _ in 0..<400 {
            let x = (0..<20).map { _ in data.normal() }
            if bootstrap.meanInterval(x).contains(0) { covered += 1 }
        }
        #expect((360...396).contains(covered), "covered \(covered) of 400")
    }

    /// For a large sample the percentile interval approaches the normal one,
    /// x̄ ± 1.96 s/√n; with n = 400 and B = 2000 the endpoints agree within 15% of the half-width.
    @Test func agreesWithTheNormalIntervalForLargeSamples() {
        var data = RandomGenerator(seed: 7, stream: .evaluation)
        let x = (0..<400).map { _ in data.normal(mean: 3, std: 2) }
        let ci = Bootstrap().meanInterval(x)
        let mean = Statistics.mean(x)
        let half = 1.959963984540054 * Statistics.standardError(x)
        #expect(abs(ci.low - (mean - half)) < 0.15 * half)
        #expect(abs(ci.high - (mean + half)) < 0.15 * half)
        #expect(ci.low < mean && mean < ci.high)
    }

    @Test func deterministicBitForBit() {
        let x = [3.1, -0.4, 2.7, 5.9, 1.2, 0.0, 4.4]
        let a = Bootstrap().meanInterval(x)
        // Draw from other generators in between: the interval must not depend on them.
        var other = RandomGenerator(seed: Bootstrap.defaultSeed, stream: .diagnostics)
        _ = other.next()
        let b = Bootstrap().meanInterval(x)
        #expect(a.low.bitPattern == b.low.bitPattern && a.high.bitPattern == b.high.bitPattern)
        // A different seed resamples differently.
        let c = Bootstrap(seed: 1).meanInterval(x)
        #expect(c != a)
    }

    @Test func intervalStaysWithinTheDataRange() {
        let x = [3.1, -0.4, 2.7, 5.9, 1.2, 0.0, 4.4]
        let ci = Bootstrap().meanInterval(x)
        #expect(-0.4 <= ci.low && ci.low < Statistics.mean(x) && Statistics.mean(x) < ci.high && ci.high <= 5.9)
    }

    @Test func edgeCases() {
        #expect(Bootstrap().meanInterval([4.25]) == ConfidenceInterval(low: 4.25, high: 4.25))
        let empty = Bootstrap().meanInterval([])
        #expect(empty.low.isNaN && empty.high.isNaN)
        let constant = Bootstrap().meanInterval([2, 2, 2])
        #expect(constant == ConfidenceInterval(low: 2, high: 2))
        #expect(Bootstrap().meanInterval([1, .nan]).low.isNaN)
    }
}
