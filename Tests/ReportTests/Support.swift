import Experiment
import Foundation
import PolicyGradient
import Report
import Results
import TestSupport
import Testing

/// A small valid experiment: Chain with REINFORCE, a grid of 2 baselines × 3 seeds, gradient
/// diagnostics comparing `none` and `mean`, and a regression section.
let syntheticExperiment = """
    experiment: report-test
    environment: {id: Chain, params: {length: 4}}
    policy: {architecture: tabular}
    estimator: {name: reinforce, gamma: 0.9}
    training: {steps: 300, eval_every: 100}
    diagnostics:
      gradient_variance: {every: 100, samples: 8, compare: [none, mean]}
    seeds: 3
    grid:
      baseline: [none, mean]
    regression:
      min: 0.5
      tolerance: 2
    """

/// One fake job's files.
struct FakeJob {
    var status: String? = "completed"
    var finalReturn: Double? = nil
    /// eval_return_mean at steps 0, 100, 200, 300 (fewer when the job stopped early).
    var curve: [Double] = []
    /// (step, baseline, variance)
    var variance: [(Int, String, Double)] = []
}

/// A results folder for `syntheticExperiment`, filled with fake job files.
final class SyntheticResults {
    let folder = TemporaryFolder()
    let plan: ExperimentPlan

    init(experiment: String = syntheticExperiment) throws {
        folder.write("experiment.yaml", experiment)
        plan = try ExperimentLoader().load(path: folder.url.appendingPathComponent("experiment.yaml").path)
    }

    var url: URL { folder.url }

    /// The job of cell `cell` with seed `seed`.
    func job(cell: Int, seed: Int) -> ExperimentPlan.Job {
        plan.jobs.first { $0.cellIndex == cell && $0.seed == seed }!
    }

    /// Writes the files of one job (no `result.json` when `fake.status` is nil).
    func write(cell: Int, seed: Int, _ fake: FakeJob) {
        let id = job(cell: cell, seed: seed).id
        var curve = CSVTable(header: CurveRow.header)
        for (i, value) in fake.curve.enumerated() {
            curve.rows.append(CurveRow(
                step: 100 * i, episodes: 10 * i, evalReturnMean: value, evalReturnStd: 0.5,
                trainReturn: i == 0 ? .nan : value - 0.1, entropy: 0.69, policyLoss: -0.25, valueLoss: .nan
            ).fields)
        }
        folder.write("jobs/\(id)/curve.csv", curve.text)
        var variance = CSVTable(header: VarianceRow.header)
        for (step, baseline, v) in fake.variance {
            var row = VarianceRow(step: step, baseline: baseline, samples: 8, gradNorm: 1, variance: v, snr: 1 / v)
            row.unbiasedSNR = 1 / v - 1.0 / 8
            row.pairwiseCosine = 0.5
            row.cosineToMean = 0.75
            variance.rows.append(row.fields)
        }
        folder.write("jobs/\(id)/variance.csv", variance.text)
        if let status = fake.status {
            let finalReturn = fake.finalReturn.map { "\($0)" } ?? "null"
            folder.write("jobs/\(id)/result.json", """
                {"status": "\(status)", "final_return": \(finalReturn), "error": null, "steps": 300,
                 "seconds": 1.5, "steps_per_second": 200}
                """)
        }
    }
}

/// The rows of a CSV file as dictionaries keyed by the header.
func csvRows(_ text: String) throws -> [[String: String]] {
    let table = try CSVTable(parsing: text)
    return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }
}

/// The `gnuplot` on PATH, if any; tests that need it are skipped (with this reason) without.
let gnuplot = GnuplotRenderer.onPath()
let gnuplotMissing: Comment = "gnuplot is not on PATH (apt-get install gnuplot-nox)"
