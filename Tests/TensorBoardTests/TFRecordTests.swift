import Testing
@testable import TensorBoard

/// The record layout: length, masked CRC of the length, data, masked CRC of the data.
struct TFRecordTests {
    /// The four little-endian bytes at `offset`.
    private func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    @Test func emptyRecordIsSixteenBytesWithTensorBoardsMaskedCRCs() {
        let record = TFRecord.frame([])
        #expect(record.count == 16)
        #expect(Array(record[0..<8]) == [UInt8](repeating: 0, count: 8))
        // masked_crc32c of 8 zero bytes and of nothing, from TensorBoard's Python code.
        #expect(word(record, at: 8) == 0x0798_0329)
        #expect(word(record, at: 12) == 0xA282_EAD8)
    }

    @Test func dataSitsBetweenItsLengthAndItsCRC() {
        let data = Array("123456789".utf8)
        let record = TFRecord.frame(data)
        #expect(record.count == data.count + 16)
        #expect(Array(record[0..<8]) == [9, 0, 0, 0, 0, 0, 0, 0])
        #expect(word(record, at: 8) == CRC32C.masked(CRC32C.checksum(record[0..<8])))
        #expect(Array(record[12..<21]) == data)
        #expect(word(record, at: 21) == 0xC78A_B0E5)
    }

    @Test func lengthAbove255UsesTheHigherBytes() {
        let record = TFRecord.frame([UInt8](repeating: 7, count: 0x1_02))
        #expect(Array(record[0..<8]) == [0x02, 0x01, 0, 0, 0, 0, 0, 0])
    }
}
