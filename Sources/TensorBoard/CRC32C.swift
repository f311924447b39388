/// CRC-32C, the Castagnoli cyclic redundancy check that TFRecord files carry, and its masked
/// form (docs/tensorboard.md, "The event file").
///
/// The check is the reflected CRC with polynomial 0x1EDC6F41 (0x82F63B78 bit-reversed),
/// initial value 0xFFFFFFFF and final XOR 0xFFFFFFFF (RFC 3720, appendix B.4): the check value
/// of the ASCII bytes "123456789" is 0xE3069283. It is computed a byte at a time through a
/// 256-entry table, table[b] being the CRC register after shifting the byte b through it
/// eight times; speed is not a concern at a few records per evaluation.
package enum CRC32C {
    /// The reflected Castagnoli polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// table[b]: the register contribution of byte b, for the byte-at-a-time update
    /// crc' = table[(crc ^ byte) & 0xFF] ^ (crc >> 8).
    static let table: [UInt32] = (0..<256).map { byte in
        var crc = UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
        return crc
    }

    /// The CRC-32C of `bytes`.
    package static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The masked form TFRecord stores, ((crc >> 15) | (crc << 17)) + 0xA282EAD8 (wrapping):
    /// rotated and offset so that a CRC over data holding CRCs stays well distributed.
    package static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
