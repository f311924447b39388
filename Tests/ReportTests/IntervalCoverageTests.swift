import Foundation
import PolicyGradient
import Testing
@testable import Report

/// The 95% intervals the report prints for a mean over seeds (summary.csv, curves_summary.csv,
/// the curve area), for a difference of two cells (comparisons.csv: paired, or Welch's when
/// a seed is missing) and for a geometric mean variance (variance_summary.csv) cover the true
/// value 93%–97% of the time, from 3 seeds up.
///
/// Simulated with a fixed data seed (stream `.evaluation`), 4,000 samples per case, on normal
/// data and on lognormal data exp(0.25 z) (skewness 0.78). A coverage of 0.95 gives a count
/// with sd √(4000 · 0.95 · 0.05) ≈ 14, so the band [3720, 3880] is over 5 sd from 0.95 on each
/// side; Student's interval on this lognormal covers about 0.94 (docs/statistics.md,
/// "Coverage", has the strongly skewed cases, where it covers less). The geometric mean's
/// interval is checked on positive skewed data: lognormal exp(z) and gamma of shape 2.
struct IntervalCoverageTests {
    static let replications = 4000
    static let band = 3720...3880

    enum Shape: String, CaseIterable {
        case normal, lognormal

        /// A draw and the distribution's mean: N(0, 1), or exp(0.25 z) with mean e^{0.25²/2}.
        func draw(_ g: inout RandomGenerator) -> Double {
            self == .normal ? g.normal() : exp(0.25 * g.normal())
        }

        var mean: Double { self == .normal ? 0 : exp(0.25 * 0.25 / 2) }
    }

    static let cases = Shape.allCases.flatMap { shape in [3, 5, 10, 20].map { (shape, $0) } }

    @Test(arguments: cases)
    func intervalsCoverNominally(_ shape: Shape, _ n: Int) {
        var g = RandomGenerator(seed: 20261207 + UInt64(n), stream: .evaluation)
        var mean = 0, paired = 0, welch = 0
        for _ in 0..<Self.replications {
            // One cell's seeds.
            let x = (0..<n).map { _ in 10 + 3 * shape.draw(&g) }
            if StudentInterval.mean(x).contains(10 + 3 * shape.mean) { mean += 1 }
            // Two cells on shared seeds: a seed effect common to both, and each cell's own noise
            // (A's of this shape, B's normal); the true difference is 2 + 3 · mean.
            let seedEffect = (0..<n).map { _ in 5 * g.normal() }
            let a = seedEffect.map { $0 + 2 + 3 * shape.draw(&g) }
            let b = seedEffect.map { $0 + g.normal() }
            let d = zip(a, b).map { $0 - $1 }
            if PairedTTest(differences: d).interval().contains(2 + 3 * shape.mean) { paired += 1 }
            // Two cells without the pairing, of unequal spreads (Welch's case).
            let u = (0..<n).map { _ in 2 + 3 * shape.draw(&g) }
            let v = (0..<n).map { _ in g.normal() }
            if WelchTest(u, v).interval().contains(2 + 3 * shape.mean) { welch += 1 }
        }
        #expect(Self.band.contains(mean), "mean of \(n) \(shape): covered \(mean) of \(Self.replications)")
        #expect(Self.band.contains(paired), "paired difference of \(n) \(shape): covered \(paired) of \(Self.replications)")
        #expect(Self.band.contains(welch), "Welch difference of \(n) \(shape): covered \(welch) of \(Self.replications)")
    }

    /// Positive, right-skewed data like the seeds' gradient variances, scaled by 10⁻³.
    enum PositiveShape: String, CaseIterable {
        /// 10⁻³ exp(z): log normal, where the interval is exact.
        case lognormal
        /// 10⁻³ Gamma(2, 1) = 10⁻³ (−ln u₁ − ln u₂) (skewness 1.41; ln x has skewness −0.78).
        case gamma

        func draw(_ g: inout RandomGenerator) -> Double {
            switch self {
            case .lognormal: 1e-3 * exp(g.normal())
            case .gamma: 1e-3 * -log((1 - g.uniform()) * (1 - g.uniform()))
            }
        }

        /// e^{E ln x}: 10⁻³, or 10⁻³ e^{ψ(2)} = 10⁻³ e^{1 − γ} (γ, Euler's constant).
        var geometricMean: Double {
            switch self {
            case .lognormal: 1e-3
            case .gamma: 1e-3 * exp(1 - 0.577_215_664_901_532_9)
            }
        }
    }

    static let positiveCases = PositiveShape.allCases.flatMap { shape in [3, 5, 10, 20].map { (shape, $0) } }

    /// `variance_summary.csv`'s interval holds the geometric mean it is for, and is positive.
    @Test(arguments: positiveCases)
    func geometricMeanIntervalCoversNominally(_ shape: PositiveShape, _ n: Int) {
        var g = RandomGenerator(seed: 20261208 + UInt64(n), stream: .evaluation)
        var covered = 0, positive = 0
        for _ in 0..<Self.replications {
            let interval = GeometricMean(of: (0..<n).map { _ in shape.draw(&g) }).interval
            if interval.contains(shape.geometricMean) { covered += 1 }
            if interval.low > 0 { positive += 1 }
        }
        #expect(Self.band.contains(covered), "geometric mean of \(n) \(shape): covered \(covered) of \(Self.replications)")
        #expect(positive == Self.replications)
    }
}
