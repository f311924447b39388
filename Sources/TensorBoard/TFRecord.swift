/// The TFRecord framing of one record, the container of TensorBoard's event files
/// (docs/tensorboard.md, "The event file"):
///
///     uint64 length         little-endian, the data's byte count
///     uint32 masked CRC-32C of the 8 length bytes
///     byte   data[length]
///     uint32 masked CRC-32C of the data
///
/// so a record takes length + 16 bytes; all integers little-endian.
package enum TFRecord {
    /// The bytes of one record holding `data`.
    package static func frame(_ data: [UInt8]) -> [UInt8] {
        var record: [UInt8] = []
        record.reserveCapacity(data.count + 16)
        let length = littleEndianBytes(UInt64(data.count))
        record += length
        record += littleEndianBytes(CRC32C.masked(CRC32C.checksum(length)))
        record += data
        record += littleEndianBytes(CRC32C.masked(CRC32C.checksum(data)))
        return record
    }

    /// The little-endian bytes of `value`.
    static func littleEndianBytes<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
