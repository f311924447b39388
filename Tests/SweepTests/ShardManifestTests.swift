import Experiment
import Foundation
import Testing

@testable import Sweep

/// A sharded run records itself in `shards/I-of-N.json`; `manifest.json` is the first shard's,
/// state `sharded`, and no later shard rewrites it.
@Suite struct ShardManifestTests {
    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func eachShardWritesItsOwnManifestAndTheSweepsIsLeftAlone() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 3))
        let root = scratch.root("sharded")
        let folder = root.appendingPathComponent(plan.name)
        var first: Data?
        for index in [2, 0, 1] {
            var opts = options(root)
            opts.shard = Shard(index: index, count: 3)
            _ = try SweepRunner(plan: plan, options: opts, body: FakeTrainer().body).run()
            let sweep = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
            if let first { #expect(sweep == first, "a later shard rewrote manifest.json") } else { first = sweep }
        }

        let sweep = try Self.json(folder.appendingPathComponent("manifest.json"))
        #expect(sweep["state"] as? String == "sharded")
        #expect(sweep["shard"] == nil)
        #expect(sweep["jobs"] as? Int == plan.jobs.count)
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("shards").path)
        #expect(shards.sorted() == ["0-of-3.json", "1-of-3.json", "2-of-3.json"])
        for index in 0..<3 {
            let own = try Self.json(folder.appendingPathComponent("shards/\(index)-of-3.json"))
            #expect(own["shard"] as? String == "\(index)/3")
            #expect(own["state"] as? String == "finished")
            #expect(own["finished"] is String)
            #expect(own["config_hash"] as? String == sweep["config_hash"] as? String)
        }
    }

    @Test func anUnshardedRunWritesOnlyTheSweepsManifest() throws {
        let scratch = Scratch()
        let plan = try scratch.plan(experiment(seeds: 1))
        let root = scratch.root("whole")
        _ = try SweepRunner(plan: plan, options: options(root), body: FakeTrainer().body).run()
        let folder = root.appendingPathComponent(plan.name)
        let manifest = try Self.json(folder.appendingPathComponent("manifest.json"))
        #expect(manifest["state"] as? String == "finished")
        #expect(manifest.keys.contains("shard") == false)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("shards").path))
    }
}
