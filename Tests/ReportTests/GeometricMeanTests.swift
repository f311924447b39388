import PolicyGradient
import TestSupport
import Testing

@testable import Report

/// `GeometricMean`: the t interval of log₁₀ x, back-transformed, against scipy
/// (`scipy.stats.ttest_1samp(np.log10(x), 0).confidence_interval()`, then 10^·), and what it
/// does with zeros, one value and equal values; and the variance rows it gives.
struct GeometricMeanTests {
    @Test func matchesScipyOnTheLogScale() {
        let m = GeometricMean(of: [1e-9, 4e-9, 2e-9])
        #expect(isClose(m.value, 2e-9, relative: 1e-12))
        #expect(isClose(m.interval.low, 3.574621235894744e-10, relative: 1e-9))
        #expect(isClose(m.interval.high, 1.1189996746602952e-08, relative: 1e-9))
        #expect(m.zeros == 0)
    }

    @Test func zerosAreCountedAndLeftOut() {
        let m = GeometricMean(of: [0, 2, 0, 3])
        #expect(m.zeros == 2)
        #expect(isClose(m.value, 2.449489742783178, relative: 1e-12))
        #expect(isClose(m.interval.low, 0.1863587678194834, relative: 1e-9))
        #expect(isClose(m.interval.high, 32.19596303519191, relative: 1e-9))
    }

    @Test func fewOrEqualValues() {
        let one = GeometricMean(of: [0, 5])
        #expect(one.zeros == 1 && isClose(one.value, 5, relative: 1e-15) && one.interval.low.isNaN && one.interval.high.isNaN)
        let none = GeometricMean(of: [0, 0])
        #expect(none.zeros == 2 && none.value.isNaN && none.interval.low.isNaN)
        let equal = GeometricMean(of: [0.25, 0.25, 0.25])
        #expect(equal.interval.low == equal.value && equal.interval.high == equal.value)
        #expect(isClose(equal.value, 0.25, relative: 1e-15))
        #expect(GeometricMean(of: [1, .nan, 2]).value.isNaN && GeometricMean(of: [1, .nan, 2]).interval.low.isNaN)
    }

    /// A seed of zero variance stays in `mean` and out of the geometric mean, and is counted.
    @Test func varianceRowsCarryTheGeometricMean() throws {
        let jobs = [(0, 0.0), (1, 2.0), (2, 3.0)].map { seed, v in
            JobRecord(
                id: "j\(seed)", cellIndex: 0, seed: seed, status: .completed, finalReturn: 1, steps: 10,
                variance: [VarianceRow(step: 0, baseline: "none", samples: 8, gradNorm: 1, variance: v, snr: 1)])
        }
        let point = try #require(Aggregator().variance(jobs).first)
        #expect(point.n == 3 && point.geometricMean.zeros == 1)
        #expect(isClose(point.mean, 5.0 / 3, relative: 1e-15))
        #expect(isClose(point.geometricMean.value, 2.449489742783178, relative: 1e-12))
        #expect(isClose(point.geometricMean.interval.high, 32.19596303519191, relative: 1e-9))
    }
}
