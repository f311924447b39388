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

    @Test func thePlotDrawsTheHighestFloorDashed() throws {
        var cell = CellSummary(index: 0, label: "c", values: [], baseline: "value")
        var jobs = Self.jobs()
        // A later step where `none` has the higher floor, and one where no floor is known.
        for i in jobs.indices {
            jobs[i].variance += [Self.row(10, "none", variance: 5, floor: 8e-12), Self.row(10, "value", variance: 1e-9, floor: 1e-12)]
            jobs[i].variance += [Self.row(20, "none", variance: 5, floor: .nan), Self.row(20, "value", variance: 1e-9, floor: 0)]
        }
        cell.variance = Aggregator().variance(jobs)
        let files = GnuplotScripts.varianceVsBaseline(experiment: "e", cells: [cell])
        let script = try #require(files.first).contents, data = try #require(files.last).contents
        #expect(script.contains("index 2 using 1:2 with lines lc rgb 'gray30' lw 1.5 dt 2 title 'precision floor'"))
        // The lowest mean or floor is 2e-12: the axis starts at 1e-13.
        #expect(script.contains("set yrange [1e-13:*]"))
        let blocks = data.components(separatedBy: "\n\n")
        #expect(blocks.count == 3)
        #expect(blocks.last?.split(separator: "\n") == ["0.0\t2e-12", "10.0\t8e-12"])
    }
}
