import Testing

@testable import Report

/// `plan --power`'s chi-square interval of σ and its one-sided test, against scipy and
/// statsmodels: the literals below were printed once by `tools/power_references.py`.
struct PowerPlanningReferenceTests {
    /// (x, ν, F(x)): `scipy.stats.chi2.cdf`.
    static let chiSquareCDF: [(x: Double, df: Double, p: Double)] = [
        (0.5, 1.0, 0.5204998778130466),
        (3.0, 3.0, 0.6083748237289109),
        (9.348, 3.0, 0.9749954049115831),
        (20.0, 10.0, 0.9707473119230389),
        (1.0, 0.5, 0.8464864041916774),
        (150.0, 120.0, 0.9669265190886953),
    ]
    /// (q, ν, quantile): `scipy.stats.chi2.ppf`.
    static let chiSquareQuantiles: [(q: Double, df: Double, x: Double)] = [
        (0.025, 1.0, 0.0009820691171752555),
        (0.975, 1.0, 5.023886187314888),
        (0.025, 3.0, 0.21579528262389785),
        (0.975, 3.0, 9.348403604496148),
        (0.025, 19.0, 8.906516481987971),
        (0.975, 19.0, 32.85232686172969),
        (0.5, 100.0, 99.33412923598846),
    ]
    /// (σ, δ, α, power, paired one-sided, paired two-sided, independent one-sided): statsmodels
    /// `TTestPower` / `TTestIndPower` `solve_power`, `alternative="larger"` or `"two-sided"`.
    static let seedCounts: [(sigma: Double, delta: Double, alpha: Double, power: Double, pairedOne: Int, pairedTwo: Int, independentOne: Int)] = [
        (10.0, 5.0, 0.05, 0.8, 27, 34, 51),
        (9.1677, 20.0, 0.05, 0.8, 4, 4, 4),
        (30.0, 12.0, 0.1, 0.9, 42, 55, 83),
    ]

    @Test func chiSquareDistributionMatchesScipy() {
        for r in Self.chiSquareCDF {
            let p = Distributions.chiSquareCDF(r.x, df: r.df)
            #expect(abs(p - r.p) <= 1e-12 * max(1, r.p), "F(\(r.x); \(r.df)) = \(p), scipy \(r.p)")
        }
        for r in Self.chiSquareQuantiles {
            let x = Distributions.chiSquareQuantile(r.q, df: r.df)
            #expect(abs(x - r.x) <= 1e-9 * max(1, r.x), "quantile(\(r.q); \(r.df)) = \(x), scipy \(r.x)")
        }
    }

    @Test func oneSidedSeedCountsMatchStatsmodels() {
        for r in Self.seedCounts {
            func seeds(_ design: SeedCount.Design, _ sides: SeedCount.Sides) -> Int? {
                SeedCount.required(sigma: r.sigma, delta: r.delta, alpha: r.alpha, target: r.power, design: design, sides: sides)
            }
            #expect(seeds(.paired, .one) == r.pairedOne, "\(r)")
            #expect(seeds(.paired, .two) == r.pairedTwo, "\(r)")
            #expect(seeds(.independent, .one) == r.independentOne, "\(r)")
        }
    }
}
