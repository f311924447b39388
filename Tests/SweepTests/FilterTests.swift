import Experiment
import Foundation
import Testing

@testable import Sweep

@Suite struct FilterTests {
    @Test func aSettingPathSelectsCellsThatSweepWholeSections() throws {
        let plan = try Scratch().plan(experiment(seeds: 1, grid: false) + """
            grid:
              estimator: [{name: a2c}, {name: ppo, n_steps: 16}, {name: ppo, n_steps: 32}]

            """)
        func selected(_ only: [String]) throws -> [Int] {
            let filter = try CellFilter(only, plan: plan)
            return plan.cells.filter(filter.matches).map(\.index)
        }
        #expect(try selected(["estimator.name=ppo"]) == [1, 2])
        #expect(try selected(["estimator.name=ppo", "estimator.n_steps=32"]) == [2])
        #expect(try selected(["estimator.name=a2c", "estimator.name=ppo"]) == [0, 1, 2])
        // A setting no cell varies still selects by value: every cell has steps 1000.
        #expect(try selected(["training.steps=1000"]) == [0, 1, 2])
        #expect(throws: SweepError.unknownFilterValue(key: "estimator.name", value: "gae", values: ["a2c", "ppo"])) {
            try CellFilter(["estimator.name=gae"], plan: plan)
        }
        #expect(throws: SweepError.unknownFilterKey(key: "estimator.nme", sweptKeys: ["estimator"])) {
            try CellFilter(["estimator.nme=ppo"], plan: plan)
        }
    }

    @Test func onlyCombinesKeysWithAndAndRepeatsWithOr() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        #expect(plan.sweptKeys == ["baseline", "entropy_coef"])
        let entropyValues = plan.cells.compactMap { $0.values.first { $0.key == "entropy_coef" }?.value }
        let small = try #require(entropyValues.first)
        let large = try #require(entropyValues.last { $0 != small })

        func selected(_ only: [String]) throws -> Set<Int> {
            let filter = try CellFilter(only, plan: plan)
            return Set(plan.cells.filter(filter.matches).map(\.index))
        }
        func cells(_ test: (ExperimentPlan.Cell) -> Bool) -> Set<Int> {
            Set(plan.cells.filter(test).map(\.index))
        }
        func value(_ cell: ExperimentPlan.Cell, _ key: String) -> String? {
            cell.values.first { $0.key == key }?.value
        }
        #expect(try selected([]) == Set(plan.cells.map(\.index)))
        #expect(try selected(["baseline=value"]) == cells { value($0, "baseline") == "value" })
        #expect(try selected(["baseline=value", "entropy_coef=\(large)"]).count == 1)
        #expect(try selected(["entropy_coef=\(small)", "entropy_coef=\(large)"]).count == 4)
        #expect(try selected(["baseline=none", "baseline=value", "entropy_coef=\(small)"]).count == 2)
    }

    @Test func onlyRunsTheSelectedCells() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 2))
        let trainer = FakeTrainer()
        let report = try SweepRunner(
            plan: plan, options: options(scratch.root("r"), only: ["baseline=value"]), body: trainer.body
        ).run()
        let expected = plan.jobs.filter {
            plan.cells[$0.cellIndex].values.contains { $0.key == "baseline" && $0.value == "value" }
        }.map(\.id)
        #expect(expected.count == 4)
        #expect(Set(trainer.calledIds) == Set(expected))
        #expect(report.selected == expected)
        #expect(report.completed == expected)
    }

    @Test func unknownKeyIsAnErrorNamingTheSweptKeys() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("r")
        let runner = SweepRunner(plan: plan, options: options(root, only: ["lr=0.1"]), body: FakeTrainer().body)
        #expect(throws: SweepError.unknownFilterKey(key: "lr", sweptKeys: ["baseline", "entropy_coef"])) {
            try runner.run()
        }
        #expect(SweepError.unknownFilterKey(key: "lr", sweptKeys: ["baseline", "entropy_coef"]).description
            .contains("baseline, entropy_coef"))
        // Nothing is written for a sweep that cannot start.
        #expect(!FileManager.default.fileExists(atPath: root.path))

        #expect(throws: SweepError.malformedFilter("baseline")) { try CellFilter(["baseline"], plan: plan) }
        #expect(throws: SweepError.unknownFilterValue(key: "baseline", value: "mean", values: ["none", "value"])) {
            try CellFilter(["baseline=mean"], plan: plan)
        }
    }
}
