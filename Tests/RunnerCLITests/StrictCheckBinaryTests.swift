import Foundation
import TestSupport
import Testing

/// `runner check --strict` with `regression.mode: non_inferiority`, through the built binary.
@Suite struct StrictCheckBinaryTests {
    /// A reference of (n 2, mean 0, std 1) for both cells of `CheckGateBinaryTests.experiment`:
    /// with 2 seeds per side the 95% interval of the difference is wider than ±4, so margin
    /// 1 is inconclusive and margin 1000 passes.
    static let reference = "cell,n,mean,std\nbaseline=none,2,0,1\nbaseline=mean,2,0,1\n"

    func check(margin: Double, _ extra: [String]) throws -> (BinaryRunner.Outcome, String) {
        let dir = TemporaryFolder()
        dir.write("reference.csv", Self.reference)
        let config = dir.write("gate.yaml", CheckGateBinaryTests.experiment(
            regression: "{mode: non_inferiority, margin: \(margin), reference: reference.csv}"))
        let results = dir.url.appendingPathComponent("results")
        let outcome = try BinaryRunner.run(["check", config, "--results", results.path] + extra, timeout: 300)
        let page = (try? String(contentsOf: results.appendingPathComponent("gate/regression.md"), encoding: .utf8)) ?? ""
        return (outcome, page)
    }

    @Test func inconclusiveFailsOnlyUnderStrict() throws {
        let (lenient, page) = try check(margin: 1, [])
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
        #expect(lenient.stdout.contains("inconclusive") && lenient.stdout.contains("regression check passed"))
        #expect(page.hasPrefix("# Regression check: gate\n\n**Passed**"))
        let (strict, strictPage) = try check(margin: 1, ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("FAILED: 2 of 2 cells; 2 inconclusive (--strict): more seeds needed to decide"))
        #expect(strictPage.contains("**FAILED**"))
        let (wide, _) = try check(margin: 1000, ["--strict"])
        #expect(wide.status == 0, "\(wide.stdout)")
    }
}
