import Experiment
import Foundation
import PolicyGradient
import Results
import Testing

@testable import Sweep
@testable import TensorBoard

/// Each job's TensorBoard event file as the sweep writes it, decoded with the generated
/// messages: records whose CRCs check, the cell's hparams, the rows' figures (NaN left out),
/// and the end of the run by outcome (docs/tensorboard.md).
@Suite struct JobEventLogTests {
    /// The events of the file at `url`, each record's length and data checked against their
    /// masked CRC-32C.
    static func events(_ url: URL) throws -> [Tensorboard_Event] {
        let bytes = Array(try Data(contentsOf: url))
        func word(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
        var events: [Tensorboard_Event] = []
        var offset = 0
        while offset < bytes.count {
            try #require(offset + 12 <= bytes.count)
            let length = Int((0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) })
            #expect(word(offset + 8) == CRC32C.masked(CRC32C.checksum(bytes[offset..<offset + 8])))
            try #require(offset + 16 + length <= bytes.count)
            let data = bytes[offset + 12..<offset + 12 + length]
            #expect(word(offset + 12 + length) == CRC32C.masked(CRC32C.checksum(data)))
            events.append(try Tensorboard_Event(serializedBytes: Array(data)))
            offset += 16 + length
        }
        return events
    }

    /// The hparams plugin data under `tag`, if an event holds it.
    static func hparams(_ events: [Tensorboard_Event], _ tag: String) throws -> Tensorboard_Hparams_HParamsPluginData? {
        guard let value = events.flatMap(\.summary.value).first(where: { $0.tag == tag }) else { return nil }
        #expect(value.metadata.pluginData.pluginName == "hparams")
        return try Tensorboard_Hparams_HParamsPluginData(serializedBytes: value.metadata.pluginData.content)
    }

    /// (step, value) of every point of `tag`.
    static func series(_ events: [Tensorboard_Event], _ tag: String) -> [(step: Int64, value: Float)] {
        events.flatMap { event in
            event.summary.value.filter { $0.tag == tag }.map { (event.step, $0.simpleValue) }
        }
    }

    @Test func outcomesEndTheRunAndRowsBecomeScalars() throws {
        let scratch = Scratch(), flag = StopFlag(), trainer = FakeTrainer()
        let plan = try scratch.plan(experiment(seeds: 2)), root = scratch.root("r")
        let ids = plan.jobs.map(\.id)
        trainer.diverging = [ids[1]]
        trainer.throwing = [ids[2]]
        // Job 3 waits for the stop, requested once it has started.
        trainer.blocking = [ids[3]]
        trainer.stopFlag = flag
        trainer.stopAfterStarts = 4
        _ = try SweepRunner(plan: plan, options: options(root, jobs: 1), stopFlag: flag, body: trainer.body).run()

        let files = try ids[0...3].map { try Self.events(jobFolder(root, plan, $0).appendingPathComponent("events.out.tfevents.0.runner")) }
        for (id, events) in zip(ids, files) {
            #expect(events.first?.fileVersion == "brain.Event:2", "\(id)")
            let start = try #require(try Self.hparams(events, "_hparams_/session_start_info")?.sessionStartInfo)
            let cell = plan.cells[try #require(plan.jobs.first { $0.id == id }).cellIndex]
            #expect(start.groupName == cell.label)
            #expect(start.hparams.count == 2)
            #expect(start.hparams["baseline"]?.stringValue == cell.values.first { $0.key == "baseline" }?.value)
            #expect(start.hparams["entropy_coef"]?.numberValue == Double(cell.values.first { $0.key == "entropy_coef" }?.value ?? ""))
        }
        let ends = try files.map { try Self.hparams($0, "_hparams_/session_end_info")?.sessionEndInfo.status }
        #expect(ends == [.success, .failure, .failure, nil])

        // The completed job: every row's figures (the training ones from the update rows the
        // fake trainer records beside each curve row), train_return's NaN at the first row left out.
        let curve = try String(contentsOf: jobFolder(root, plan, ids[0]).appendingPathComponent("curve.csv"), encoding: .utf8)
        let rows = try CurveRow.rows(in: CSVTable(parsing: curve))
        #expect(Self.series(files[0], "eval/mean_reward").map(\.value) == rows.map { Float($0.evalReturnMean) })
        #expect(Self.series(files[0], "train/entropy_loss").map(\.value) == rows.map { Float(-$0.entropy) })
        #expect(Self.series(files[0], "rollout/ep_rew_mean").map(\.step) == rows.dropFirst().map { Int64($0.step) })
        #expect(Self.series(files[0], "gradient/variance/value").map(\.step) == [400, 800, 1200])
        // The diverged job's NaN policy loss at its last row (step 500) has no point.
        #expect(Self.series(files[1], "train/policy_gradient_loss").map(\.step) == [100, 200, 300, 400])
        #expect(Self.series(files[1], "eval/mean_reward").map(\.step) == [100, 200, 300, 400, 500])
    }
}
