import Testing
@testable import YAML

/// Every string the emitter writes parses back to the same code points, whatever they are:
/// characters outside YAML's printable set are escaped, never written raw.
struct EmitterCodePointTests {
    /// Code points outside YAML 1.2's printable set (C0 controls but tab, line feed and carriage
    /// return; DEL; C1 controls but NEL; U+FFFE and U+FFFF), and printable ones at the edges of
    /// its ranges or with a special role (line breaks, the byte-order mark, the last code point).
    /// Surrogates cannot be held by a Swift string, so they cannot be emitted.
    static let samples: [UInt32] =
        Array(0x00...0xA0) + [0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1FFFE, 0x1FFFF, 0x2028,
                              0x2029, 0x10FFFF]

    /// The string's code points, compared exactly (Swift's `==` would equate canonical equivalents).
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// `s` as a value and as a key, emitted and parsed back.
    static func roundTrip(_ s: String) throws -> (value: String?, key: String?) {
        let tree: Node = .mapping([
            Node.Pair(key: "description", value: .string(s)),
            Node.Pair(key: s, value: .int(1)),
        ])
        let back = try YAMLParser.parse(YAMLEmitter.emit(tree), path: "emitted.yaml")
        guard let pairs = back.mapping, pairs.count == 2 else { return (nil, nil) }
        guard case .string(let value)? = pairs[0].value.resolved else { return (nil, pairs[1].key) }
        return (value, pairs[1].key)
    }

    @Test(arguments: samples)
    func aCodePointReadsBackAlone(_ value: UInt32) throws {
        let c = Character(try #require(Unicode.Scalar(value)))
        for s in [String(c), "a\(c)b", " \(c) ", "\(c)\(c)", "- \(c)"] {
            let back = try Self.roundTrip(s)
            #expect(back.value.map(Self.scalars) == Self.scalars(s), "U+\(String(value, radix: 16)) in \(s.debugDescription)")
            #expect(back.key.map(Self.scalars) == Self.scalars(s), "U+\(String(value, radix: 16)) as a key")
        }
    }

    /// All 1,112,064 code points, in chunks, read back from one emitted file.
    @Test func everyCodePointReadsBack() throws {
        let all = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)
        var chunks: [String] = []
        var i = 0
        while i < all.count {
            var chunk = String.UnicodeScalarView()
            chunk.append(contentsOf: all[i..<min(i + 4096, all.count)])
            chunks.append(String(chunk))
            i += 4096
        }
        let tree: Node = .sequence(chunks.map { .string($0) })
        let back = try YAMLParser.parse(YAMLEmitter.emit(tree), path: "emitted.yaml")
        let strings = try #require(back.sequence).map { node -> [UInt32] in
            guard case .string(let s)? = node.resolved else { return [] }
            return Self.scalars(s)
        }
        #expect(strings.count == chunks.count)
        for (k, (got, want)) in zip(strings, chunks.map(Self.scalars)).enumerated() where got != want {
            Issue.record("chunk \(k) from U+\(String(want.first ?? 0, radix: 16)) differs")
        }
    }

    /// The emitted text itself holds only characters of YAML 1.2's printable set (production
    /// c-printable, written out here), so any YAML reader accepts it.
    @Test func emittedTextIsPrintable() {
        let printable: [ClosedRange<UInt32>] = [
            0x09...0x0A, 0x0D...0x0D, 0x20...0x7E, 0x85...0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF,
        ]
        let s = String(String.UnicodeScalarView(Self.samples.compactMap(Unicode.Scalar.init)))
        let text = YAMLEmitter.emit(.mapping([Node.Pair(key: s, value: .string(s))]))
        let bad = text.unicodeScalars.filter { c in !printable.contains { $0.contains(c.value) } }
        #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
    }
}
