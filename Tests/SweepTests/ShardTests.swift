import Experiment
import Foundation
import Testing

@testable import Sweep

/// `--shard I/N`: parsing, the stripe over job ids, and shards run one after another into
/// one folder.
@Suite struct ShardTests {
    @Test func parsesIndexOverCount() {
        #expect(Shard("0/1") == Shard(index: 0, count: 1))
        #expect(Shard("3/4") == Shard(index: 3, count: 4))
        #expect(Shard("0/1000") == Shard(index: 0, count: 1000))
        #expect(Shard("3/4")?.description == "3/4")
    }

    @Test(arguments: ["4/4", "5/4", "-1/2", "1", "a/b", "0/0", "1/0", " 1/2", "1/2 ", "1/2/3", "+1/2", "1/", "/2", "", "1.0/2",
                      "0/99999999999999999999"])
    func refusesAnythingButIndexBelowCount(_ text: String) {
        #expect(Shard(text) == nil)
    }

    /// Shards partition the ids; shard i holds the ids at sorted positions i, i + N, ...
    @Test func stripesTheSortedIdsAcrossShards() throws {
        let ids = (0..<23).map { String(format: "%016x", UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        let sorted = ids.sorted()
        for count in [1, 2, 3, 5, 23, 30] {
            var union = Set<String>()
            for index in 0..<count {
                let part = try #require(Shard(index: index, count: count)).select(ids.shuffled())
                #expect(part.isDisjoint(with: union))
                union.formUnion(part)
                let expected = stride(from: index, to: sorted.count, by: count).map { sorted[$0] }
                #expect(part == Set(expected))
            }
            #expect(union == Set(ids))
        }
    }

    /// Shards run at different times, after some jobs finished, still cover every job once,
    /// and the folder ends byte for byte as after one unsharded run.
    @Test func shardsRunInTurnCompleteEveryJobExactlyOnce() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 3))
        let root = scratch.root("sharded")
        var calls: [String] = []
        for index in [2, 0, 1] {
            var opts = options(root)
            opts.shard = Shard(index: index, count: 3)
            let trainer = FakeTrainer()
            let report = try SweepRunner(plan: plan, options: opts, body: trainer.body).run()
            #expect(report.selected.count == 4)
            #expect(report.skipped.isEmpty)
            calls += trainer.calledIds
        }
        #expect(calls.sorted() == plan.jobs.map(\.id).sorted())
        _ = try SweepRunner(plan: plan, options: options(scratch.root("whole")), body: FakeTrainer().body).run()
        var a = try snapshot(root), b = try snapshot(scratch.root("whole"))
        // The record of who ran what differs: one manifest against the shards' own.
        a = a.filter { $0.key != "toy/manifest.json" && !$0.key.hasPrefix("toy/shards/") }
        b["toy/manifest.json"] = nil
        #expect(a == b)
    }

    /// The stripe is over the jobs `--only` selected.
    @Test func stripesTheJobsTheFilterSelected() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 3))
        var ran = Set<String>()
        for index in 0..<2 {
            var opts = options(scratch.root("r"), only: ["baseline=value"])
            opts.shard = Shard(index: index, count: 2)
            let trainer = FakeTrainer()
            _ = try SweepRunner(plan: plan, options: opts, body: trainer.body).run()
            #expect(trainer.calledIds.count == 3)
            ran.formUnion(trainer.calledIds)
        }
        let valueJobs = plan.jobs.filter { plan.cells[$0.cellIndex].label.contains("baseline=value") }.map(\.id)
        #expect(ran == Set(valueJobs))
    }
}
