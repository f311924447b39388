"""Writes Tests/TensorBoardTests/Fixtures/events.out.tfevents.1700000000.fixture with TensorBoard's own Python code.

    python tools/tensorboard/write_fixture.py Tests/TensorBoardTests/Fixtures/events.out.tfevents.1700000000.fixture

The events are built with TensorBoard's protobuf classes and framed by TensorBoard's
RecordWriter (its pure-Python masked CRC-32C), an implementation independent of the runner's.
The runner's EventRecordWriter, given the same values and wall times, must produce these
bytes exactly (Tests/TensorBoardTests/EventRecordWriterTests.swift). Run with TensorBoard
2.20.0 (tools/python/setup-venv.sh).
"""

import io
import sys

from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.hparams import api_pb2, plugin_data_pb2
from tensorboard.summary.writer.record_writer import RecordWriter
from google.protobuf import struct_pb2


def hparams_event(wall_time, step, tag, data):
    value = summary_pb2.Summary.Value(tag=tag)
    value.metadata.plugin_data.plugin_name = "hparams"
    value.metadata.plugin_data.content = data.SerializeToString(deterministic=True)
    return event_pb2.Event(wall_time=wall_time, step=step, summary=summary_pb2.Summary(value=[value]))


def events():
    yield event_pb2.Event(wall_time=1700000000.5, file_version="brain.Event:2")
    start = plugin_data_pb2.SessionStartInfo(
        group_name="baseline=value,entropy_coef=0.01,normalize=true", start_time_secs=1700000001.25)
    start.hparams["baseline"].CopyFrom(struct_pb2.Value(string_value="value"))
    start.hparams["entropy_coef"].CopyFrom(struct_pb2.Value(number_value=0.01))
    start.hparams["normalize"].CopyFrom(struct_pb2.Value(bool_value=True))
    yield hparams_event(
        1700000001.25, 0, "_hparams_/session_start_info",
        plugin_data_pb2.HParamsPluginData(version=0, session_start_info=start))
    yield event_pb2.Event(wall_time=1700000002.0, step=2048, summary=summary_pb2.Summary(value=[
        summary_pb2.Summary.Value(tag="eval/mean_reward", simple_value=21.5),
        summary_pb2.Summary.Value(tag="train/entropy_loss", simple_value=-0.6931471805599453),
    ]))
    end = plugin_data_pb2.SessionEndInfo(status=api_pb2.STATUS_SUCCESS, end_time_secs=1700000003.0)
    yield hparams_event(
        1700000003.0, 2048, "_hparams_/session_end_info",
        plugin_data_pb2.HParamsPluginData(version=0, session_end_info=end))


def main(path):
    buffer = io.BytesIO()
    writer = RecordWriter(buffer)
    for event in events():
        writer.write(event.SerializeToString())
    with open(path, "wb") as output:
        output.write(buffer.getvalue())


if __name__ == "__main__":
    main(sys.argv[1])
