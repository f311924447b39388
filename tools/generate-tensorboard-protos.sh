#!/usr/bin/env bash
# Regenerates Sources/TensorBoard/Generated/*.pb.swift from the trimmed TensorBoard protos in
# Sources/TensorBoard/Protos/ (docs/tensorboard.md). Run by hand when a .proto changes; the
# build never runs it, and both the .proto files and the generated Swift are committed.
#
# Needs protoc (Debian: `apt-get install protobuf-compiler`, which also installs
# google/protobuf/struct.proto under /usr/include) and builds protoc-gen-swift from
# apple/swift-protobuf at the version Package.swift pins, so that the generated code matches
# the runtime it is compiled against.
#   bash tools/generate-tensorboard-protos.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.39.0
protos=Sources/TensorBoard/Protos
out=Sources/TensorBoard/Generated
work="${TMPDIR:-/tmp}/swift-protobuf-$version"

command -v protoc >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }
if [ ! -x "$work/.build/release/protoc-gen-swift" ]; then
    rm -rf "$work"
    git clone --quiet --depth 1 --branch "$version" https://github.com/apple/swift-protobuf "$work"
    swift build --package-path "$work" -c release --product protoc-gen-swift >&2
fi

rm -f "$out"/*.pb.swift
mkdir -p "$out"
protoc \
    --plugin=protoc-gen-swift="$work/.build/release/protoc-gen-swift" \
    --swift_out="$out" \
    --swift_opt=FileNaming=PathToUnderscores \
    --swift_opt=Visibility=Internal \
    -I "$protos" -I /usr/include \
    "$protos"/tensorboard/compat/proto/event.proto \
    "$protos"/tensorboard/compat/proto/summary.proto \
    "$protos"/tensorboard/plugins/hparams/api.proto \
    "$protos"/tensorboard/plugins/hparams/plugin_data.proto
echo "protoc $(protoc --version | cut -d' ' -f2), protoc-gen-swift $version:" >&2
ls "$out"
