import PolicyGradient
import Testing

@testable import Report

/// `precision_floor` from the jobs' rows to `variance_summary` and the variance plot.
struct PrecisionFloorReportTests {
    static func row(_ step: Int, _ baseline: String, variance: Double, floor: Double) -> VarianceRow {
        var row = VarianceRow(step: step, baseline: baseline, samples: 8, gradNorm: 1, variance: variance, snr: 1)
        row.precisionFloor = floor
        return row
    }

    static func jobs() -> [JobRecord] {
        [(0, 1e-12), (1, 3e-12)].map { seed, floor in
            JobRecord(
                id: "j\(seed)", cellIndex: 0, seed: seed, status: .completed, finalReturn: 1, steps: 10,
                variance: [row(0, "none", variance: 4, floor: 0), row(0, "value", variance: 1e-9, floor: floor)])
        }
    }

    @Test func theFloorIsTheSeedsMean() {
        let points = Aggregator().variance(Self.jobs())
        #expect(points.map(\.baseline) == ["none", "value"])
        #expect(points[0].precisionFloor == 0 && points[1].precisionFloor == 2e-12)
    }

    @Test func thePlotDrawsEachPositiveFloorDashedInItsBaselinesColour() throws {
        var cell = CellSummary(index: 0, label: "c", values: [], baseline: "value")
        cell.variance = Aggregator().variance(Self.jobs())
        let files = GnuplotScripts.varianceVsBaseline(experiment: "e", cells: [cell])
        let script = try #require(files.first).contents, data = try #require(files.last).contents
        // `none` (colour 1) has a zero floor, which a log scale cannot show: no dashed line.
        #expect(!script.contains("index 0 using 1:5"))
        #expect(script.contains("index 1 using 1:5 with lines lc 2 lw 1 dt 2 notitle"))
        #expect(data.split(separator: "\n").last?.split(separator: "\t").last == "2e-12")
    }
}
