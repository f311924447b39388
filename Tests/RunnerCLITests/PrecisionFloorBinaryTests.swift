import Foundation
import TestSupport
import Testing

/// `precision_floor` through the built binary: in a job's `variance.csv`, in
/// `variance_summary.csv` and on the variance plot; `start: reset` accepted.
@Suite struct PrecisionFloorBinaryTests {
    static func config(start: String) -> String {
        """
        experiment: floor
        environment: {id: Chain, num_envs: 2}
        policy: {architecture: tabular}
        estimator: {name: a2c, n_steps: 4}
        baseline: value
        training: {steps: 400, eval_every: 200, eval_episodes: 2}
        diagnostics:
          gradient_variance: {every: 200, samples: 4, compare: [none], start: \(start)}

        """
    }

    @Test(arguments: ["continue", "reset"])
    func theFloorIsWrittenAndDrawn(start: String) throws {
        let dir = TemporaryFolder()
        let path = dir.write("floor.yaml", Self.config(start: start))
        let results = dir.url.appendingPathComponent("results")
        let outcome = try BinaryRunner.run(["run", path, "--jobs", "1", "--results", results.path, "--no-progress"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = results.appendingPathComponent("floor")
        let variance = try String(contentsOf: folder.appendingPathComponent("variance.csv"), encoding: .utf8)
        let header = variance.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let column = try #require(header.firstIndex(of: "precision_floor"))
        // Step 0, 200 and 400, two baselines each; every floor a finite number ≥ 0.
        let rows = variance.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 6)
        for row in rows { #expect(Double(row[column]).map { $0 >= 0 && $0.isFinite } == true, "\(row)") }
        let summary = try String(contentsOf: folder.appendingPathComponent("variance_summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").first?.hasSuffix(
            ",ratio_to_none,precision_floor,snr,snr_unbiased,pairwise_cosine,cosine_to_mean,in_sample_variance,"
                + "minibatch_variance,minibatch_snr,minibatch_snr_unbiased") == true)
        let plot = try String(contentsOf: folder.appendingPathComponent("plots/variance_vs_baseline.gp"), encoding: .utf8)
        #expect(plot.contains("title 'precision floor'"))
    }
}
