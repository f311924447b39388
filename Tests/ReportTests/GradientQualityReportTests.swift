import PolicyGradient
import Testing

@testable import Report

/// The signal-to-noise and cosine columns from the jobs' rows to `variance_summary` and
/// `gradient_quality.gp`.
struct GradientQualityReportTests {
    static func row(_ step: Int, _ baseline: String, pairwise: Double, toMean: Double) -> VarianceRow {
        var row = VarianceRow(step: step, baseline: baseline, samples: 8, gradNorm: 1, variance: 4, snr: 0.25)
        row.unbiasedSNR = 0.125
        row.pairwiseCosine = pairwise
        row.cosineToMean = toMean
        row.inSampleVariance = 3
        return row
    }

    static func jobs(pairwise: [Double]) -> [JobRecord] {
        pairwise.enumerated().map { seed, p in
            JobRecord(
                id: "j\(seed)", cellIndex: 0, seed: seed, status: .completed, finalReturn: 1, steps: 10,
                variance: [row(0, "none", pairwise: p, toMean: 0.5), row(0, "value", pairwise: .nan, toMean: .nan)])
        }
    }

    @Test func theSummaryHoldsTheSeedsMeans() {
        let points = Aggregator().variance(Self.jobs(pairwise: [0.25, 0.75]))
        #expect(points.map(\.baseline) == ["none", "value"])
        #expect(points[0].snr == 0.25 && points[0].unbiasedSNR == 0.125)
        #expect(points[0].pairwiseCosine == 0.5 && points[0].cosineToMean == 0.5)
        #expect(points[1].pairwiseCosine.isNaN && points[1].inSampleVariance == 3)
    }

    @Test func thePlotDrawsFinitePointsOnly() throws {
        var cell = CellSummary(index: 0, label: "c", values: [], baseline: "none")
        cell.n = 2
        cell.variance = Aggregator().variance(Self.jobs(pairwise: [0.25, 0.75]))
        let files = GnuplotScripts.gradientQuality(experiment: "e", cells: [cell])
        let script = try #require(files.first).contents, data = try #require(files.last).contents
        #expect(script.contains("index 0 using 1:2 with linespoints lc 1 dt 1 lw 2 pt 7 ps 0.5 title 'none, pairwise'"))
        #expect(script.contains("index 1 using 1:2 with linespoints lc 1 dt 2 lw 2 pt 7 ps 0.5 title 'none, to mean'"))
        #expect(!script.contains("value"))
        #expect(data == "0.0\t0.5\n\n\n0.0\t0.5\n")
        // Rows from before the columns existed: no plot.
        cell.variance = Aggregator().variance(Self.jobs(pairwise: [.nan]).map { job in
            var job = job
            for i in job.variance.indices { job.variance[i].cosineToMean = .nan }
            return job
        })
        #expect(GnuplotScripts.gradientQuality(experiment: "e", cells: [cell]).isEmpty)
    }
}
