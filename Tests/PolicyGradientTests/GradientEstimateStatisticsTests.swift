import TestSupport
import Testing

@testable import PolicyGradient

/// `GradientEstimateStatistics` against numpy on fixed samples
/// (tools/gradient_quality_references.py) and against a hand computation.
struct GradientEstimateStatisticsTests {
    static func statistics(_ samples: [[Double]]) -> GradientEstimateStatistics {
        var s = GradientEstimateStatistics(dimension: samples[0].count)
        for g in samples { s.add(g) }
        return s
    }

    @Test(arguments: gradientQualityReferences.map(\.name))
    func agreesWithTheDirectComputation(_ name: String) throws {
        let reference = try #require(gradientQualityReferences.first { $0.name == name })
        let s = Self.statistics(reference.samples)
        #expect(s.count == reference.samples.count)
        #expect(isClose(s.meanNormSquared.squareRoot(), reference.gradNorm, relative: 1e-12))
        #expect(isClose(s.variance, reference.variance, relative: 1e-12))
        #expect(isClose(s.snr, reference.snr, relative: 1e-12))
        #expect(isClose(s.unbiasedSNR, reference.unbiasedSNR, relative: 1e-10, absolute: 1e-14))
        #expect(isClose(s.pairwiseCosine, reference.pairwiseCosine, relative: 1e-10, absolute: 1e-14))
        #expect(isClose(s.cosineToMean, reference.cosineToMean, relative: 1e-12))
    }

    /// ĝ_1 = (1, 0), ĝ_2 = (0, 1): ḡ = (½, ½), ‖ḡ‖² = ½, v̂ = (½ + ½)/1 = 1, snr = ½,
    /// snr_unbiased = (½ − 1/2)/1 = 0; the estimates are orthogonal, each at 45° to ḡ.
    @Test func twoOrthogonalEstimates() {
        let s = Self.statistics([[1, 0], [0, 1]])
        #expect(s.variance == 1 && s.snr == 0.5 && s.unbiasedSNR == 0)
        #expect(s.pairwiseCosine == 0)
        #expect(isClose(s.cosineToMean, 0.5.squareRoot(), relative: 1e-15))
    }

    /// Equal estimates agree perfectly; opposite ones cancel and leave no direction.
    @Test func agreementAndCancellation() {
        let same = Self.statistics([[3, -4], [3, -4], [3, -4]])
        #expect(isClose(same.pairwiseCosine, 1, relative: 1e-15) && isClose(same.cosineToMean, 1, relative: 1e-15))
        #expect(same.variance == 0 && same.snr == .infinity)
        let opposite = Self.statistics([[1, 2], [-1, -2]])
        #expect(isClose(opposite.pairwiseCosine, -1, relative: 1e-15))
        #expect(opposite.cosineToMean.isNaN && opposite.meanNormSquared == 0)
    }

    /// Zero estimates take no part in the cosines; one estimate, or none nonzero, gives NaN.
    @Test func zeroEstimatesAndTooFewSamples() {
        let one = Self.statistics([[1, 1]])
        #expect(one.variance.isNaN && one.unbiasedSNR.isNaN && one.pairwiseCosine.isNaN)
        #expect(isClose(one.cosineToMean, 1, relative: 1e-15))
        let zeros = Self.statistics([[0, 0], [0, 0]])
        #expect(zeros.pairwiseCosine.isNaN && zeros.cosineToMean.isNaN && zeros.variance == 0)
        let mixed = Self.statistics([[0, 0], [2, 0], [0, 5]])
        #expect(mixed.pairwiseCosine == 0)
    }
}
