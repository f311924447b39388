import Testing
@testable import YAML

/// Emitting: the text parses back to the same values, and awkward strings stay strings.
struct EmitterTests {
    static let awkwardStrings = [
        "true", "False", "null", "~", "", "1e5", "010", "0x1F", ".inf", ".nan", "-1", "1.", "a: b", "#x",
        "x #y", " lead", "trail ", "key:", "- item", "[x]", "{x}", "*ref", "&anchor", "!tag", "|", ">",
        "'single'", "\"double\"", "back\\slash", "line\nbreak", "tab\there", "cr\rhere", "ünïcödé ✓ 日本",
        "---", "...", "%x", "@at", "`tick", "yes", "on", "NO", "<<", "?", ",", "a,b", "\u{2028}", "\u{85}",
        "\u{7}bell", "99999999999999999999", "ends with colon:", "plain words",
    ]

    /// A tree with every scalar kind, nested collections, empty collections and awkward keys.
    static func variedTree() -> Node {
        .mapping([
            "ints": .sequence([.int(0), .int(-5), .int(Int.max), .int(Int.min)]),
            "floats": .sequence([.double(0.1), .double(1e-5), .double(1e16), .double(-0.0), .double(3),
                                 .double(.infinity), .double(-.infinity), .double(.nan), .double(.leastNonzeroMagnitude), .double(.greatestFiniteMagnitude)]),
            "bools": .sequence([.bool(true), .bool(false)]),
            "nothing": .null,
            "strings": .sequence(awkwardStrings.map { .string($0) }),
            "keys": .mapping(awkwardStrings.map { Node.Pair(key: $0, value: .int(1)) }),
            "nested": .sequence([
                .mapping(["a": .int(1), "b": .sequence([.sequence([.int(1), .int(2)]), .mapping([:])])]),
                .sequence([]),
                .sequence([.mapping(["x": .mapping(["y": .string("z")])])]),
            ]),
            "empty": .mapping([:]),
        ])
    }

    @Test func roundTripOfAVariedTree() throws {
        let tree = Self.variedTree()
        let text = YAMLEmitter.emit(tree)
        let back = try YAMLParser.parse(text, path: "emitted.yaml")
        #expect(sameValue(tree, back), "emitted:\n\(text)")
        // Every awkward string came back as that exact string.
        let strings = try #require(back["strings"]?.sequence)
        #expect(strings.map(\.resolved) == Self.awkwardStrings.map { .string($0) })
        #expect(back["keys"]?.mapping?.map(\.key) == Self.awkwardStrings)
    }

    @Test func floatsStayFloats() throws {
        let text = YAMLEmitter.emit(.sequence([.double(3), .double(1e16), .double(1e-5), .double(0.1)]))
        #expect(text == "- 3.0\n- 1e+16\n- 1e-05\n- 0.1\n")
    }

    @Test func blockLayout() {
        let tree: Node = .mapping([
            "a": .int(1),
            "b": .sequence([.mapping(["x": .int(1), "y": .int(2)]), .sequence([.int(3), .int(4)])]),
            "c": .mapping(["d": .string("true")]),
            "e": .sequence([]),
        ])
        #expect(YAMLEmitter.emit(tree) == """
            a: 1
            b:
              - x: 1
                y: 2
              - - 3
                - 4
            c:
              d: "true"
            e: []

            """)
    }

    @Test func parsedTreeRoundTrip() throws {
        let original = try parse("""
            base: &b {lr: 7.0e-4, hidden: [64, 64]}
            run:
              <<: *b
              name: 'quoted: yes'
              text: |
                two
                lines
              hex: 0x10
            """)
        let back = try YAMLParser.parse(YAMLEmitter.emit(original), path: "again.yaml")
        #expect(sameValue(original, back))
    }

    @Test func encoderBuildsNodesInEncodingOrder() throws {
        struct Config: Encodable {
            var name = "a2c"
            var gamma = 0.99
            var steps: Int = 100_000
            var tags = ["true", "x"]
            var clip: Double? = nil
            var lr: Float = 7e-4
            var nested = ["k": 1]
        }
        let node = try YAMLEncoder().encode(Config())
        #expect(node.mapping?.map(\.key) == ["name", "gamma", "steps", "tags", "lr", "nested"])
        #expect(node["tags"]?.sequence?.first?.resolved == .string("true"))
        #expect(node["lr"]?.scalar?.text == "0.0007")
        #expect(node["gamma"]?.resolved == .float(0.99))
        let back = try YAMLParser.parse(YAMLEmitter.emit(node), path: "enc.yaml")
        #expect(sameValue(node, back))
    }

    @Test func dictionaryKeysAreSorted() throws {
        let node = try YAMLEncoder().encode(["b": [1], "a": [2], "c": [3], "B": [4]])
        #expect(node.mapping?.map(\.key) == ["B", "a", "b", "c"])
        #expect(node["a"]?.sequence?.first?.resolved == .int(2))
    }

    @Test func encodeThenDecode() throws {
        struct Point: Codable, Equatable { var x: Int8; var y: Double; var label: String?; var flags: [Bool] }
        let p = Point(x: -3, y: 2.5, label: "1e5", flags: [true, false])
        let node = try YAMLEncoder().encode(p)
        let text = YAMLEmitter.emit(node)
        #expect(try YAMLDecoder().decode(Point.self, from: try YAMLParser.parse(text, path: "p.yaml")) == p)
    }
}
