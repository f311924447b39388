import Foundation
import TestSupport
import Testing

/// `runner plan --power`, and `comparisons.csv` from a real sweep, through the built binary.
@Suite(.serialized) struct PowerPlanBinaryTests {
    /// `RunBinaryTests.sweep` over two learning rates (its two baselines train alike on a bandit).
    static let sweep = RunBinaryTests.sweep.replacingOccurrences(
        of: "  baseline: [none, value]", with: "  optimizer.lr: [0.05, 0.01]")

    /// Runs `sweep` into `dir/results` and returns the experiment file's path.
    func runSweep(_ dir: TemporaryFolder) throws -> String {
        let config = dir.write("e2e.yaml", Self.sweep)
        let run = try BinaryRunner.run(["run", config, "--results", dir.url.appendingPathComponent("results").path,
                                        "--no-progress"], in: dir.url)
        #expect(run.status == 0, "\(run.stderr)")
        return config
    }

    @Test func seedCountsFromThePilotAndComparisonsInTheFolder() throws {
        let dir = TemporaryFolder()
        let config = try runSweep(dir)
        let comparisons = try String(contentsOf: dir.url.appendingPathComponent("results/e2e/comparisons.csv"), encoding: .utf8)
        #expect(comparisons.hasPrefix("comparison,cell_a,cell_b,metric,step,n_a,n_b,n_paired,"))
        #expect(comparisons.contains("optimizer.lr,optimizer.lr=0.01,optimizer.lr=0.05,final_return,,3,3,3,"))
        let page = try String(contentsOf: dir.url.appendingPathComponent("results/e2e/report.md"), encoding: .utf8)
        #expect(page.hasPrefix("# e2e\n") && page.contains("- `0.01` vs `0.05`: "))

        // The default pilot is results/<experiment> in the working folder.
        let table = try BinaryRunner.run(["plan", config, "--power", "0.1"], in: dir.url)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("to detect a difference of 0.1 in final return (two-sided alpha = 0.05, power = 0.8)"))
        let csv = try BinaryRunner.run(
            ["plan", config, "--power", "0.1", "--alpha", "0.01", "--power-target", "0.9", "--format", "csv",
             "--pilot", dir.url.appendingPathComponent("results/e2e").path], in: dir.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "comparison,cell_a,cell_b,design,pilot_n,sigma,sigma_ci_low,sigma_ci_high,seeds,seeds_lo,seeds_hi,note")
        #expect(lines.count == 2 && lines[1].hasPrefix("optimizer.lr,optimizer.lr=0.01,optimizer.lr=0.05,paired,3,"), "\(csv.stdout)")
        // A stricter test needs more seeds than the default one.
        let json = try BinaryRunner.run(["plan", config, "--power", "0.1", "--format", "json"], in: dir.url)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["design"] as? String == "paired" && rows[0]["pilot_n"] as? Int == 3)
        let seeds = try #require(rows[0]["seeds"] as? Int)
        let strictSeeds = try #require(Int(lines[1].split(separator: ",", omittingEmptySubsequences: false)[8]))
        #expect(strictSeeds > seeds)
        // One side needs fewer seeds than two (a small difference, so that both exceed the
        // minimum of 2); the pilot matches the file, so no warning.
        func seedsFor(_ extra: [String]) throws -> Int? {
            let outcome = try BinaryRunner.run(["plan", config, "--power", "0.02", "--format", "json"] + extra, in: dir.url)
            #expect(outcome.status == 0 && !outcome.stderr.contains("warning"), "\(outcome.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
            return rows?.first?["seeds"] as? Int
        }
        let twoSided = try #require(try seedsFor([])), oneSided = try #require(try seedsFor(["--one-sided"]))
        #expect(oneSided < twoSided && twoSided > 2, "\(oneSided) vs \(twoSided)")
        // σ's interval holds σ, and the seeds at its ends hold the count.
        let row = rows[0]
        let sigma = try #require(row["sigma"] as? Double)
        #expect(try #require(row["sigma_ci_low"] as? Double) < sigma && sigma < (try #require(row["sigma_ci_high"] as? Double)))
        #expect(try #require(row["seeds_lo"] as? Int) <= seeds && seeds <= (try #require(row["seeds_hi"] as? Int)))
    }

    /// The default pilot must have run the file's settings; one named with --pilot is used
    /// with a warning.
    @Test func aPilotOfOtherSettingsMustBeNamed() throws {
        let dir = TemporaryFolder()
        let config = try runSweep(dir)
        let longer = try BinaryRunner.run(["plan", config, "--power", "0.1", "--set", "training.steps=8000"], in: dir.url)
        #expect(longer.status == 64 && longer.stdout.isEmpty, "\(longer.stderr)")
        #expect(longer.stderr.contains(
            "error: the pilot results/e2e ran other settings than this file in 2 cells: training.steps "
                + "(cell optimizer.lr=0.05: training.steps is 8000 here, 4000 there); name a pilot"), "\(longer.stderr)")
        let named = try BinaryRunner.run(
            ["plan", config, "--power", "0.1", "--set", "training.steps=8000", "--pilot", "results/e2e"], in: dir.url)
        #expect(named.status == 0 && named.stderr.contains("warning: the pilot results/e2e ran other settings"), "\(named.stderr)")
    }

    @Test func usageErrors() throws {
        let dir = TemporaryFolder()
        let config = dir.write("e2e.yaml", Self.sweep)
        for arguments in [["--alpha", "0.1"], ["--one-sided"], ["--power", "-1"], ["--power", "1", "--alpha", "1.5"],
                          ["--power", "1", "--power-target", "0"], ["--power", "nan"]] {
            let outcome = try BinaryRunner.run(["plan", config] + arguments, in: dir.url)
            #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
        }
        let noPilot = try BinaryRunner.run(["plan", config, "--power", "1"], in: dir.url)
        #expect(noPilot.status == 64)
        #expect(noPilot.stderr.contains("results/e2e holds no experiment.yaml: not a results folder: no pilot results"), "\(noPilot.stderr)")
    }
}
