import Experiment
import Foundation
import Testing
@testable import Report

struct GnuplotTests {
    /// A label that would run commands if any of it were expanded: backticks (command
    /// substitution in double-quoted strings), `system(...)`, a quote to end the string, a
    /// backslash, a `;` to start a command, line breaks, and an `@` macro.
    static let hostile =
        "a'b\"c\\d `touch PWNED` x' . system(\"touch PWNED2\") . '\n" + "system('touch PWNED3')\r;"
        + " print system(\"touch PWNED4\") @fmt {x}_y^z\u{2028}end"

    @Test func literalsAreSingleQuotedWithControlCharactersReplaced() {
        #expect(GnuplotString.literal("plain") == "'plain'")
        #expect(GnuplotString.literal("it's") == "'it''s'")
        #expect(GnuplotString.literal("a\nb\r\nc\td\u{2028}e") == "'a b  c d e'")
        #expect(GnuplotString.literal("`x` \\ \"y\"") == "'`x` \\ \"y\"'")
        let literal = GnuplotString.literal(Self.hostile)
        #expect(!literal.contains("\n") && !literal.contains("\r"))
        // Inside, every quote is doubled: stripping the outer quotes leaves no lone quote.
        let inner = literal.dropFirst().dropLast().replacingOccurrences(of: "''", with: "")
        #expect(!inner.contains("'"))
    }

    /// A plan whose first cell and experiment name are hostile. No schema field takes free
    /// text today, so the label is set directly, as a future string setting would make it.
    static func hostileResults() throws -> SyntheticResults {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        return r
    }

    static func hostilePlan(_ r: SyntheticResults) -> ExperimentPlan {
        var plan = r.plan
        plan.name = "exp `touch PWNED5` '\" system(\"touch PWNED6\")"
        plan.cells[0].label = "baseline=" + hostile
        plan.cells[0].values = [(key: "baseline", value: hostile)]
        return plan
    }

    @Test func hostileLabelsRoundTripThroughTheCSVs() throws {
        let r = try Self.hostileResults()
        _ = try Reporter().build(plan: Self.hostilePlan(r), resultsDirectory: r.url, render: nil)
        let summary = try csvRows(r.folder.read("summary.csv"))
        #expect(summary[0]["cell"] == "baseline=" + Self.hostile)
        #expect(summary[0]["baseline"] == Self.hostile)
        let scripts = ["learning_curves.gp", "variance_vs_baseline.gp", "gradient_quality.gp", "final_returns.gp"]
            .map { r.folder.read("plots/" + $0) }
        // Each script names the cell by its escaped literal (the learning curves add " (n=2)").
        let open = String(GnuplotString.literal("baseline=" + Self.hostile).dropLast())
        for script in scripts { #expect(script.contains(open)) }
        // The data files carry numbers only.
        for data in ["learning_curves.dat", "variance.dat", "gradient_quality.dat", "final_returns.dat", "final_returns_seeds.dat"] {
            let text = r.folder.read("plots/data/" + data)
            #expect(!text.isEmpty && text.allSatisfy { "0123456789.-e+\t\n".contains($0) }, "\(data)")
        }
    }

    /// Runs every generated script through gnuplot with the hostile label and name: all exit
    /// 0, draw an image, and no command ran. A control script that puts the same label in a
    /// double-quoted string does create a file, so the check can see a command run.
    @Test(.enabled(if: gnuplot != nil, gnuplotMissing))
    func hostileLabelsRunNoCommand() throws {
        let r = try Self.hostileResults()
        let report = try Reporter().build(plan: Self.hostilePlan(r), resultsDirectory: r.url, render: .png)
        #expect(report.renderProblems.isEmpty, "\(report.renderProblems)")
        #expect(report.rendered == [
            "plots/learning_curves.png", "plots/variance_vs_baseline.png", "plots/gradient_quality.png", "plots/final_returns.png",
        ])
        func pwned() -> [String] {
            (FileManager.default.enumerator(atPath: r.url.path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.contains("PWNED") }
        }
        #expect(pwned().isEmpty, "\(pwned())")

        r.folder.write("plots/control.gp", "set terminal dumb\nset title \"`touch PWNED_CONTROL`\"\n")
        _ = try? gnuplot!.render(script: r.url.appendingPathComponent("plots/control.gp"), format: .png)
        #expect(pwned() == ["plots/PWNED_CONTROL"])
    }

    @Test(.enabled(if: gnuplot != nil, gnuplotMissing), arguments: RenderFormat.allCases)
    func everyScriptRendersWithGnuplot(_ format: RenderFormat) throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        let report = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: format)
        #expect(report.renderProblems.isEmpty, "\(report.renderProblems)")
        let scripts = report.files.filter { $0.hasSuffix(".gp") }
        #expect(scripts.count == 4)
        for script in scripts {
            let image = (script as NSString).deletingPathExtension + "." + format.rawValue
            let size = try FileManager.default.attributesOfItem(atPath: r.url.appendingPathComponent(image).path)[.size] as? Int
            #expect((size ?? 0) > 1000, "\(image): \(size ?? 0) bytes")
        }
        // And by hand, as a user would: `gnuplot -e 'fmt="svg"' final_returns.gp` in plots/.
        let process = Process()
        process.executableURL = gnuplot!.executable
        process.currentDirectoryURL = r.url.appendingPathComponent("plots")
        process.arguments = ["-e", "fmt=\"svg\"; outfile=\"by-hand.svg\"", "final_returns.gp"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(r.folder.read("plots/by-hand.svg").contains("<svg"))
    }

    @Test func renderingWithoutGnuplotIsReportedNotFatal() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        let report = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: .png, renderer: nil)
        #expect(report.rendered.isEmpty && report.renderProblems.count == 1)
        #expect(GnuplotRenderer.onPath(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func failedRenderIsReported() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        // `false` exits 1 without writing anything: every render fails, the report does not.
        let report = try Reporter().build(
            plan: r.plan, resultsDirectory: r.url, render: .svg,
            renderer: GnuplotRenderer(executable: URL(fileURLWithPath: "/bin/false")))
        #expect(report.rendered.isEmpty && report.renderProblems.count == 4)
        #expect(report.renderProblems[0].contains("learning_curves.gp failed (exit 1)"))
        #expect(!r.folder.exists("plots/learning_curves.svg"))
    }

    @Test func pathsNameEveryFileTheScriptsWrite() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        let report = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        let plots = report.files.filter { $0.hasPrefix("plots/") }.map { String($0.dropFirst("plots/".count)) }
        // The performance profile is drawn only for sweeps over environment.id.
        let profile: Set = ["performance_profile.gp", "data/performance_profile.dat"]
        #expect(Set(plots) == Set(GnuplotScripts.paths).subtracting(profile) && plots.count == GnuplotScripts.paths.count - 2)
        #expect(GnuplotScripts.paths.filter { $0.hasSuffix(".gp") }
            == ["learning_curves.gp", "variance_vs_baseline.gp", "gradient_quality.gp", "final_returns.gp", "performance_profile.gp"])
    }

    static let images = ["learning_curves", "variance_vs_baseline", "gradient_quality", "final_returns"].flatMap { name in
        RenderFormat.allCases.map { "plots/\(name).\($0.rawValue)" }
    }

    /// Images of either format from an earlier report go when the scripts are rewritten;
    /// files the report does not own stay.
    @Test func earlierImagesOfBothFormatsAreRemoved() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        for image in Self.images { r.folder.write(image, "old") }
        r.folder.write("plots/by-hand.svg", "mine")
        _ = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: nil)
        for image in Self.images { #expect(!r.folder.exists(image), "\(image)") }
        #expect(r.folder.read("plots/by-hand.svg") == "mine")
    }

    @Test(.enabled(if: gnuplot != nil, gnuplotMissing))
    func aPNGRebuildLeavesNoStaleSVG() throws {
        let r = try SyntheticResults()
        ReporterTests.populate(r)
        let svg = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: .svg)
        #expect(svg.renderProblems.isEmpty && r.folder.exists("plots/final_returns.svg"))
        let png = try Reporter().build(plan: r.plan, resultsDirectory: r.url, render: .png)
        #expect(png.renderProblems.isEmpty && png.rendered.count == 4)
        for image in Self.images {
            #expect(r.folder.exists(image) == image.hasSuffix(".png"), "\(image)")
        }
    }
}
