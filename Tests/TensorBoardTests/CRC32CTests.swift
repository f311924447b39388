import Testing
@testable import TensorBoard

/// CRC-32C and its mask against published values: the catalogue check value of "123456789",
/// RFC 3720's appendix B.4 vectors, and the masked values TensorBoard's own Python
/// implementation (`tensorflow_stub.pywrap_tensorflow.masked_crc32c`) gives.
struct CRC32CTests {
    @Test func checkValueOfTheDigitsIsTheCatalogueOne() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func rfc3720VectorsMatch() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map(UInt8.init)) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map(UInt8.init)) == 0x113F_DB5C)
    }

    @Test func emptyInputHasCRCZero() {
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test func maskedValuesAreTensorBoards() {
        #expect(CRC32C.masked(CRC32C.checksum(Array("123456789".utf8))) == 0xC78A_B0E5)
        #expect(CRC32C.masked(0) == 0xA282_EAD8)
        #expect(CRC32C.masked(CRC32C.checksum([UInt8](repeating: 0, count: 8))) == 0x0798_0329)
    }
}
