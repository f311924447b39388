import Experiment
import Foundation
import TestSupport
import Testing
@testable import Report

/// The regression gate fails when it has nothing to judge: no cell, a cell with no bound, or a
/// reference value that is not a finite number.
struct RegressionGateTests {
    /// One cell `c` with n = 2 and mean 9.
    static func summary(cells: [String] = ["c"]) -> ReportSummary {
        let cells = cells.enumerated().map { index, label in
            var cell = CellSummary(index: index, label: label, values: [], baseline: "none")
            cell.n = 2
            cell.mean = 9
            return cell
        }
        return ReportSummary(experiment: "x", sweptKeys: [], cells: cells)
    }

    /// The synthetic experiment's regression settings with `min` as given.
    static func settings(min: Double?) throws -> RegressionSettings {
        var settings = try #require(try SyntheticResults().plan.regression)
        settings.min = min
        return settings
    }

    @Test func noCellToCheckFails() throws {
        let result = RegressionCheck(settings: try Self.settings(min: 0)).evaluate(Self.summary(cells: []), reference: nil as ReferenceTable?)
        #expect(result.rows.isEmpty)
        #expect(!result.passed)
        #expect(result.text.contains("regression check FAILED: no cell to check"))
        #expect(!result.text.contains("passed"))
    }

    @Test func aCellWithNoBoundFails() throws {
        let check = RegressionCheck(settings: try Self.settings(min: nil))
        // Neither min nor a reference: nothing to compare against.
        let bare = check.evaluate(Self.summary(), reference: nil as ReferenceTable?)
        #expect(bare.rows.map(\.status) == [.unbounded] && !bare.passed)
        #expect(bare.rows[0].threshold.isNaN)
        #expect(bare.text.contains("FAILED: 1 of 1 cells; 1 with no bound"))
        // A reference that lacks the cell leaves it unbounded too; the listed cell is checked.
        let partial = ReferenceTable(entries: [(cell: "a", entry: .init(n: 2, mean: 1, std: 0.1))])
        let result = check.evaluate(Self.summary(cells: ["a", "b"]), reference: partial)
        #expect(result.rows.map(\.status) == [.pass, .unbounded] && !result.passed)
        // With min the cell absent from the reference is new, held to min, and passes.
        let withMin = RegressionCheck(settings: try Self.settings(min: 0)).evaluate(Self.summary(cells: ["a", "b"]), reference: partial)
        #expect(withMin.rows.map(\.status) == [.pass, .new] && withMin.passed)
    }

    @Test func unboundedIsWrittenToRegressionCSV() throws {
        let folder = TemporaryFolder()
        _ = try RegressionCheck(settings: try Self.settings(min: nil))
            .run(summary: Self.summary(), reference: nil, resultsDirectory: folder.url)
        #expect(try csvRows(folder.read("regression.csv")).map { $0["status"] } == ["unbounded"])
    }

    @Test(arguments: ["nan", "inf", "-inf", "NaN"])
    func aReferenceMeanThatIsNotFiniteIsRefused(_ mean: String) throws {
        let folder = TemporaryFolder()
        folder.write("reference.csv", "cell,n,mean,std\nc,3,\(mean),0.1\n")
        let url = folder.url.appendingPathComponent("reference.csv")
        do {
            _ = try RegressionCheck(settings: try Self.settings(min: nil)).evaluate(Self.summary(), reference: url)
            Issue.record("a reference mean of \(mean) was accepted")
        } catch let error as ReportError {
            #expect(error == .unreadable(
                path: url.path, reason: "the mean of cell 'c' is \(mean), not a finite number"))
        }
    }

    @Test(arguments: ["inf", "-1"])
    func aReferenceStdThatIsInfiniteOrNegativeIsRefused(_ std: String) throws {
        let folder = TemporaryFolder()
        folder.write("reference.csv", "cell,n,mean,std\nc,3,1.5,\(std)\n")
        #expect(throws: ReportError.self) {
            try ReferenceTable.read(from: folder.url.appendingPathComponent("reference.csv"))
        }
    }

    /// An empty or `nan` std still means "unknown" (a one-seed reference).
    @Test func anUnknownReferenceStdIsAccepted() throws {
        let folder = TemporaryFolder()
        folder.write("reference.csv", "cell,n,mean,std\nc,1,1.5,\nd,1,2.5,nan\n")
        let table = try ReferenceTable.read(from: folder.url.appendingPathComponent("reference.csv"))
        #expect(table.entries.map(\.entry.mean) == [1.5, 2.5])
        #expect(table.entries.allSatisfy { $0.entry.std.isNaN })
    }
}
