"""Reads TensorBoard event files with TensorBoard's own reader and prints them as JSON.

    python tools/tensorboard/read_events.py EVENT_FILE_OR_RUN_DIR ...

For each argument, TensorBoard's EventAccumulator loads it (a file, or a run directory and
every event file in it) and this prints one JSON object keyed by the argument:

    {"file_version": "brain.Event:2",
     "scalars": {tag: [[step, value], ...]},
     "hparams": {tag: HParamsPluginData as protobuf JSON}}

Values are printed with repr() as strings, so that infinities survive JSON; each is the
float32 TensorBoard stored, widened to a Python float exactly. The runner's tests use this to
check the event files the runner writes (Tests/RunnerCLITests/TensorBoardBinaryTests.swift).
"""

import json
import sys

from google.protobuf import json_format
from tensorboard.backend.event_processing import event_accumulator
from tensorboard.plugins.hparams import metadata as hparams_metadata
from tensorboard.plugins.hparams import plugin_data_pb2


def read(path):
    accumulator = event_accumulator.EventAccumulator(path, size_guidance={event_accumulator.SCALARS: 0})
    accumulator.Reload()
    scalars = {
        tag: [[event.step, repr(event.value)] for event in accumulator.Scalars(tag)]
        for tag in accumulator.Tags()[event_accumulator.SCALARS]
    }
    hparams = {}
    for tag, content in accumulator.PluginTagToContent(hparams_metadata.PLUGIN_NAME).items():
        data = plugin_data_pb2.HParamsPluginData.FromString(content)
        hparams[tag] = json_format.MessageToDict(data, preserving_proto_field_name=True)
    return {"file_version": accumulator.file_version, "scalars": scalars, "hparams": hparams}


def main(paths):
    json.dump({path: read(path) for path in paths}, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
