import Foundation
import Testing
@testable import TensorBoard

/// The writer's bytes against `Fixtures/events.out.tfevents.1700000000.fixture`, written by
/// TensorBoard's own protobuf classes and RecordWriter (tools/tensorboard/write_fixture.py)
/// from the same values and wall times.
struct EventRecordWriterTests {
    /// A clock that gives `times` in turn.
    private final class ScriptedClock {
        var times: [Double]
        init(_ times: [Double]) { self.times = times }
        func next() -> Double { times.removeFirst() }
    }

    private func fixture() throws -> [UInt8] {
        let url = try #require(Bundle.module.url(
            forResource: "events.out.tfevents.1700000000", withExtension: "fixture", subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    @Test func bytesAreThoseTensorBoardsWriterProduces() throws {
        // One time per event, and one more for the start and end times.
        let clock = ScriptedClock([1_700_000_000.5, 1_700_000_001.25, 1_700_000_001.25, 1_700_000_002, 1_700_000_003, 1_700_000_003])
        var bytes: [UInt8] = []
        let writer = EventRecordWriter(output: { bytes += $0 }, clock: clock.next)
        writer.addHParamsStart(
            [("normalize", .bool(true)), ("baseline", .string("value")), ("entropy_coef", .number(0.01))],
            group: "baseline=value,entropy_coef=0.01,normalize=true")
        writer.add(scalars: [("eval/mean_reward", 21.5), ("train/entropy_loss", -0.6931471805599453)], step: 2048)
        writer.addHParamsEnd(.success, step: 2048)
        #expect(bytes == (try fixture()))
        #expect(clock.times.isEmpty)
    }

    @Test func noScalarsWriteNoEvent() {
        var records = 0
        let writer = EventRecordWriter(output: { _ in records += 1 }, clock: { 0 })
        writer.add(scalars: [], step: 5)
        #expect(records == 1)
        writer.add(scalars: [("a", 1)], step: 5)
        #expect(records == 2)
    }

    @Test func hparamValuesReadAsTheirKind() {
        #expect(HParamValue(parsing: "0.01") == .number(0.01))
        #expect(HParamValue(parsing: "64") == .number(64))
        #expect(HParamValue(parsing: "true") == .bool(true))
        #expect(HParamValue(parsing: "false") == .bool(false))
        #expect(HParamValue(parsing: "value") == .string("value"))
        #expect(HParamValue(parsing: "[64, 64]") == .string("[64, 64]"))
        #expect(HParamValue(parsing: "inf") == .string("inf"))
        #expect(HParamValue(parsing: "nan") == .string("nan"))
    }
}
