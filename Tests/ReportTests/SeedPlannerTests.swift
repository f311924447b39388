import Foundation
import Results
import Testing
@testable import Report

/// `SeedPlanner`: which spread each comparison is planned from, against statsmodels.
struct SeedPlannerTests {
    /// Paired pilot: differences 2, 0.5, 3 (s_d = 1.2583057392117918). statsmodels
    /// `TTestPower().solve_power(effect_size=1/s_d, alpha=0.05, power=0.8)` = 14.46 → 15 seeds.
    @Test func pairedPilotUsesTheSpreadOfTheDifferences() throws {
        let r = try SyntheticResults()
        let none = [1.0, 2.0, 4.0], mean = [3.0, 2.5, 7.0]
        for seed in 0..<3 {
            r.write(cell: 0, seed: seed, FakeJob(finalReturn: none[seed]))
            r.write(cell: 1, seed: seed, FakeJob(finalReturn: mean[seed]))
        }
        let records = ExperimentFolder(directory: r.url).records(for: r.plan)
        let plan = SeedPlanner.requirements(plan: r.plan, pilot: r.plan, records: records, delta: 1, alpha: 0.05, target: 0.8)
        #expect(plan.count == 1)
        let p = try #require(plan.first)
        #expect(p.labelA == "baseline=mean" && p.labelB == "baseline=none" && p.design == .paired && p.pilotN == 3)
        #expect(abs(p.sigma - 1.2583057392117918) < 1e-12)
        #expect(p.seeds == 15)
        // σ's 95% interval with ν = 2: s √(2 / χ²_{0.975,2}) and s √(2 / χ²_{0.025,2}), the
        // quantiles 7.377758908227871 and 0.05063561596857975 (scipy.stats.chi2.ppf).
        #expect(abs(p.sigmaInterval.low - 1.2583057392117918 * (2 / 7.377758908227871).squareRoot()) < 1e-9)
        #expect(abs(p.sigmaInterval.high - 1.2583057392117918 * (2 / 0.05063561596857975).squareRoot()) < 1e-9)
        // And the seeds at those ends, as SeedCount gives them for that σ.
        #expect(p.seedsAtSigmaLow == SeedCount.required(sigma: p.sigmaInterval.low, delta: 1, design: .paired))
        #expect(p.seedsAtSigmaHigh == SeedCount.required(sigma: p.sigmaInterval.high, delta: 1, design: .paired))
        #expect(p.seedsAtSigmaLow! < 15 && p.seedsAtSigmaHigh! > 15)
    }

    /// Seeds shared only in part: the report would use Welch, so the plan is independent too.
    @Test func aPilotWithSomeSeedsMissingIsPlannedAsTheReportTestsIt() throws {
        let r = try SyntheticResults()
        for seed in 0..<3 { r.write(cell: 0, seed: seed, FakeJob(finalReturn: Double(seed))) }
        for seed in 0..<2 { r.write(cell: 1, seed: seed, FakeJob(finalReturn: Double(seed) + 1)) }
        let records = ExperimentFolder(directory: r.url).records(for: r.plan)
        let p = try #require(SeedPlanner.requirements(
            plan: r.plan, pilot: r.plan, records: records, delta: 1, alpha: 0.05, target: 0.8).first)
        #expect(p.design == .independent && p.pilotN == 2)
    }

    /// No shared seed: σ pooled from the two cells, s = 2.3048861143232218; statsmodels
    /// `TTestIndPower().solve_power(effect_size=1/s, alpha=0.05, power=0.8)` = 84.37 → 85.
    @Test func unpairedPilotPoolsTheCells() throws {
        let r = try SyntheticResults(experiment: syntheticExperiment.replacingOccurrences(of: "seeds: 3", with: "seeds: 4"))
        r.write(cell: 0, seed: 0, FakeJob(finalReturn: 1))
        r.write(cell: 0, seed: 1, FakeJob(finalReturn: 2))
        r.write(cell: 1, seed: 2, FakeJob(finalReturn: 2.5))
        r.write(cell: 1, seed: 3, FakeJob(finalReturn: 7))
        let records = ExperimentFolder(directory: r.url).records(for: r.plan)
        let p = try #require(SeedPlanner.requirements(
            plan: r.plan, pilot: r.plan, records: records, delta: 1, alpha: 0.05, target: 0.8).first)
        #expect(p.design == .independent && p.pilotN == 2)
        #expect(abs(p.sigma - 2.3048861143232218) < 1e-12)
        #expect(p.seeds == 85)
    }

    @Test func tooFewPilotRunsAreSaid() throws {
        let r = try SyntheticResults()
        r.write(cell: 0, seed: 0, FakeJob(finalReturn: 1))
        r.write(cell: 1, seed: 0, FakeJob(finalReturn: 2))
        let records = ExperimentFolder(directory: r.url).records(for: r.plan)
        let p = try #require(SeedPlanner.requirements(
            plan: r.plan, pilot: r.plan, records: records, delta: 1, alpha: 0.05, target: 0.8).first)
        #expect(p.design == nil && p.seeds == nil && p.note == "fewer than 2 pilot runs in a cell")
    }
}
