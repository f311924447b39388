import Foundation

/// The shared libraries an ELF executable names for the dynamic loader to load (its
/// `DT_NEEDED` entries), read from the file as `ldd` would list them before resolving them.
///
/// Only 64-bit little-endian ELF (x86-64, AArch64 Linux) is read. The program headers give
/// the `PT_DYNAMIC` segment, a list of (tag, value) pairs of 8 bytes each ending at `DT_NULL`;
/// each `DT_NEEDED` value is an offset into the string table at the address `DT_STRTAB`
/// gives, which the `PT_LOAD` segment holding it maps back to a file offset.
enum ELFDependencies {
    /// The names of the needed libraries in file order, `[]` for an executable with no dynamic
    /// section (fully static); nil when `file` is not a 64-bit little-endian ELF file or its
    /// tables point outside it.
    static func needed(_ file: URL) throws -> [String]? {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        return needed(in: data)
    }

    /// As `needed(_:)`, for the bytes of the file.
    static func needed(in data: Data) -> [String]? {
        let bytes = [UInt8](data.prefix(64))
        guard bytes.count == 64, bytes[0...3] == [0x7F, 0x45, 0x4C, 0x46], bytes[4] == 2, bytes[5] == 1 else { return nil }
        guard let headersAt = integer(data, 32, 8), let headerSize = integer(data, 54, 2),
            let headerCount = integer(data, 56, 2), headerSize >= 56, headersAt <= data.count
        else { return nil }

        var loads: [(address: Int, offset: Int, size: Int)] = []
        var dynamic: (offset: Int, size: Int)?
        for k in 0..<headerCount {
            let at = headersAt + k * headerSize
            guard let type = integer(data, at, 4), let offset = integer(data, at + 8, 8),
                let address = integer(data, at + 16, 8), let size = integer(data, at + 32, 8)
            else { return nil }
            if type == 1 { loads.append((address, offset, size)) }  // PT_LOAD
            if type == 2 { dynamic = (offset, min(size, data.count)) }  // PT_DYNAMIC
        }
        guard let dynamic else { return [] }
        guard dynamic.offset <= data.count else { return nil }

        var neededOffsets: [Int] = []
        var stringTableAddress: Int?
        var at = dynamic.offset
        while at + 16 <= dynamic.offset + dynamic.size {
            guard let tag = integer(data, at, 8), let value = integer(data, at + 8, 8) else { return nil }
            if tag == 0 { break }  // DT_NULL
            if tag == 1 { neededOffsets.append(value) }  // DT_NEEDED
            if tag == 5 { stringTableAddress = value }  // DT_STRTAB
            at += 16
        }
        guard let stringTableAddress else { return neededOffsets.isEmpty ? [] : nil }
        guard let segment = loads.first(where: { $0.address <= stringTableAddress && stringTableAddress - $0.address < $0.size }),
            segment.offset <= data.count
        else { return nil }
        let table = stringTableAddress - segment.address + segment.offset
        guard table <= data.count else { return nil }
        var names: [String] = []
        for offset in neededOffsets {
            guard offset <= data.count - table else { return nil }
            let start = data.startIndex + table + offset
            guard start < data.endIndex, let end = data[start...].firstIndex(of: 0) else { return nil }
            names.append(String(decoding: data[start..<end], as: UTF8.self))
        }
        return names
    }

    /// The little-endian unsigned integer of `width` bytes at `offset`, nil past the end or
    /// above `Int.max`.
    private static func integer(_ data: Data, _ offset: Int, _ width: Int) -> Int? {
        guard offset >= 0, offset <= data.count - width else { return nil }
        var value: UInt64 = 0
        for k in (0..<width).reversed() { value = value << 8 | UInt64(data[data.startIndex + offset + k]) }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }
}
