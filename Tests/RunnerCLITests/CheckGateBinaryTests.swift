import Foundation
import TestSupport
import Testing

/// `runner check` fails, exit 1, when it checked nothing: no cell, no bound, or a reference
/// value that is not a finite number.
@Suite struct CheckGateBinaryTests {
    /// Two cells of two fast Bandit jobs each (`tiny.yaml` over two baselines), followed by `regression`.
    static func experiment(regression: String, exclude: String = "") -> String {
        ExperimentFixture.text("tiny", replacing: [("experiment: tiny", "experiment: gate")]) + """
        grid:
          baseline: [none, mean]
        \(exclude)
        regression: \(regression)

        """
    }

    static func check(_ text: String, reference: String? = nil, _ extra: [String] = []) throws -> BinaryRunner.Outcome {
        let dir = TemporaryFolder()
        if let reference { dir.write("reference.csv", reference) }
        let config = dir.write("gate.yaml", text)
        return try BinaryRunner.run(
            ["check", config, "--results", dir.url.appendingPathComponent("results").path] + extra, timeout: 300)
    }

    @Test func anEmptyRegressionSectionFails() throws {
        let outcome = try Self.check(Self.experiment(regression: "{}"))
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("regression check FAILED: 2 of 2 cells; 2 with no bound"))
        #expect(outcome.stdout.contains("unbounded"))
        #expect(!outcome.stdout.contains("passed"))
    }

    @Test func everyCellExcludedFails() throws {
        let outcome = try Self.check(Self.experiment(
            regression: "{min: 0}", exclude: "exclude: [{baseline: none}, {baseline: mean}]"))
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("regression check FAILED: no cell to check"))
    }

    @Test func aNaNReferenceFails() throws {
        let outcome = try Self.check(
            Self.experiment(regression: "{reference: reference.csv}"),
            reference: "cell,n,mean,std\nbaseline=none,2,nan,0.1\nbaseline=mean,2,0.5,0.1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("the mean of cell 'baseline=none' is nan, not a finite number"))
        #expect(!outcome.stdout.contains("passed"))
    }

    @Test func aCellMissingFromTheReferenceWithoutMinFails() throws {
        let outcome = try Self.check(
            Self.experiment(regression: "{reference: reference.csv, tolerance: 1000}"),
            reference: "cell,n,mean,std\nbaseline=none,2,-100,0.1\n")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("1 with no bound"))
        // With --only, the cell that has a reference row is checked alone, and passes.
        let only = try Self.check(
            Self.experiment(regression: "{reference: reference.csv, tolerance: 1000}"),
            reference: "cell,n,mean,std\nbaseline=none,2,-100,0.1\n", ["--only", "baseline=none"])
        #expect(only.status == 0, "\(only.stdout)\(only.stderr)")
        #expect(only.stdout.contains("regression check passed"))
    }
}
