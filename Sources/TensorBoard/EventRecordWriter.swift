import Foundation
import SwiftProtobuf

/// Encodes a TensorBoard event stream, one TFRecord per event, and hands each record's bytes
/// to `output` (docs/tensorboard.md): first the file-version event, then summaries of scalar
/// values by tag and step, and the hparams plugin's start and end of the run.
///
/// It knows nothing of files; whoever owns the file appends the bytes. Adding a scalar series
/// is one call, `add(scalars:step:)`, with the new tags.
package final class EventRecordWriter {
    /// The version string of the first event; every event file starts with it.
    package static let fileVersion = "brain.Event:2"
    /// The hparams plugin's name, and its summary tags for a run's start and end.
    package static let hparamsPluginName = "hparams"
    package static let hparamsStartTag = "_hparams_/session_start_info"
    package static let hparamsEndTag = "_hparams_/session_end_info"
    /// `HParamsPluginData.version` as TensorBoard writes it (`PLUGIN_DATA_VERSION`).
    static let hparamsPluginDataVersion: Int32 = 0

    private let output: ([UInt8]) -> Void
    private let clock: () -> Double

    /// Writes the file-version event to `output` at once. `clock` gives each event's
    /// `wall_time`, in seconds since the epoch.
    package init(output: @escaping ([UInt8]) -> Void, clock: @escaping () -> Double = EventRecordWriter.wallClock) {
        self.output = output
        self.clock = clock
        var event = Tensorboard_Event()
        event.wallTime = clock()
        event.fileVersion = Self.fileVersion
        write(event)
    }

    /// Seconds since the epoch, now.
    package static func wallClock() -> Double { Date().timeIntervalSince1970 }

    /// One event at `step` holding a `simple_value` per (tag, value); each Double is rounded
    /// to the nearest Float, the field's type. Nothing is written for an empty list.
    package func add(scalars: [(tag: String, value: Double)], step: Int) {
        guard !scalars.isEmpty else { return }
        var summary = Tensorboard_Summary()
        summary.value = scalars.map { scalar in
            var value = Tensorboard_Summary.Value()
            value.tag = scalar.tag
            value.simpleValue = Float(scalar.value)
            return value
        }
        write(summary, step: step)
    }

    /// The hparams plugin's start of the run: its hyperparameters, by name, and `group`, the
    /// name shared by the runs that differ only in seed (the HPARAMS view aggregates a group);
    /// at step 0, before any scalar.
    package func addHParamsStart(_ hparams: [(name: String, value: HParamValue)], group: String) {
        var start = Tensorboard_Hparams_SessionStartInfo()
        for (name, value) in hparams { start.hparams[name] = Self.protobufValue(value) }
        start.groupName = group
        start.startTimeSecs = clock()
        var data = Tensorboard_Hparams_HParamsPluginData()
        data.version = Self.hparamsPluginDataVersion
        data.sessionStartInfo = start
        addHParams(data, tag: Self.hparamsStartTag, step: 0)
    }

    /// The hparams plugin's end of the run, with its status, at the run's last `step` (an
    /// event whose step is below an earlier one's reads to TensorBoard as a restart).
    package func addHParamsEnd(_ status: RunStatus, step: Int) {
        var end = Tensorboard_Hparams_SessionEndInfo()
        end.status = status == .success ? .success : .failure
        end.endTimeSecs = clock()
        var data = Tensorboard_Hparams_HParamsPluginData()
        data.version = Self.hparamsPluginDataVersion
        data.sessionEndInfo = end
        addHParams(data, tag: Self.hparamsEndTag, step: step)
    }

    /// A summary value under `tag` with no value of its own, whose metadata names the hparams
    /// plugin and holds `data` serialized, as TensorBoard's `hparams.summary` writes it.
    private func addHParams(_ data: Tensorboard_Hparams_HParamsPluginData, tag: String, step: Int) {
        var value = Tensorboard_Summary.Value()
        value.tag = tag
        value.metadata.pluginData.pluginName = Self.hparamsPluginName
        value.metadata.pluginData.content = Data(Self.encode(data))
        var summary = Tensorboard_Summary()
        summary.value = [value]
        write(summary, step: step)
    }

    private static func protobufValue(_ value: HParamValue) -> Google_Protobuf_Value {
        switch value {
        case .number(let number): Google_Protobuf_Value(numberValue: number)
        case .bool(let flag): Google_Protobuf_Value(boolValue: flag)
        case .string(let text): Google_Protobuf_Value(stringValue: text)
        }
    }

    private func write(_ summary: Tensorboard_Summary, step: Int) {
        var event = Tensorboard_Event()
        event.wallTime = clock()
        event.step = Int64(step)
        event.summary = summary
        write(event)
    }

    private func write(_ event: Tensorboard_Event) {
        output(TFRecord.frame(Self.encode(event)))
    }

    /// The message's bytes, map entries in key order so that equal messages encode equally.
    static func encode(_ message: some SwiftProtobuf.Message) -> [UInt8] {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        do {
            return try message.serializedBytes(options: options)
        } catch {
            // Proto3 messages have no required fields, the one reason encoding can fail.
            preconditionFailure("cannot encode \(type(of: message)): \(error)")
        }
    }
}
