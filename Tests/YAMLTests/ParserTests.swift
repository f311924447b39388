import Testing
import Foundation
@testable import YAML

/// Valid documents: structure, marks, anchors, merges and core-schema scalars.
struct ParserTests {
    @Test func marksOfScalarsSequencesMappingsAndKeys() throws {
        let node = try parse("# header\nenv:\n  id: CartPole-v1\n  hidden: [64, 32]\n")
        #expect(node.mark == Mark(source: node.mark.source, line: 2, column: 1))
        let env = try #require(node.pair("env"))
        #expect((env.keyMark.line, env.keyMark.column) == (2, 1))
        #expect((env.value.mark.line, env.value.mark.column) == (3, 3))
        let id = try #require(env.value.pair("id"))
        #expect((id.keyMark.line, id.keyMark.column) == (3, 3))
        #expect((id.value.mark.line, id.value.mark.column) == (3, 7))
        let hidden = try #require(env.value["hidden"])
        #expect((hidden.mark.line, hidden.mark.column) == (4, 11))
        let second = try #require(hidden.sequence?[1])
        #expect((second.mark.line, second.mark.column) == (4, 16))
        #expect(second.resolved == .int(32))
        #expect(node.mark.file == "test.yaml")
    }

    @Test func anchorsSharedBetweenSections() throws {
        let node = try parse("""
            defaults: &defaults
              lr: 0.001
              hidden: [64, 64]
            a:
              opt: *defaults
            b:
              opt: *defaults
              name: &n shared
              again: *n
            """)
        #expect(node.lookup(["a", "opt", "lr"])?.resolved == .float(0.001))
        #expect(node.lookup(["b", "opt", "hidden"])?.sequence?.count == 2)
        #expect(node.lookup(["b", "again"])?.string == "shared")
        // The alias node stands at the alias; its content keeps the anchor's marks.
        let alias = try #require(node.lookup(["a", "opt"]))
        #expect((alias.mark.line, alias.mark.column) == (5, 8))
        #expect(alias.pair("lr")?.keyMark.line == 2)
    }

    @Test func mergeKeysWithOverridesAndAListOfMerges() throws {
        let node = try parse("""
            base: &base
              lr: 0.1
              gamma: 0.9
            extra: &extra
              gamma: 0.5
              clip: 0.2
            one:
              <<: *base
              lr: 0.01
            many:
              lr: 0.02
              <<: [*base, *extra]
            """)
        let one = try #require(node["one"])
        #expect(one["lr"]?.resolved == .float(0.01))
        #expect(one["gamma"]?.resolved == .float(0.9))
        #expect(one.mapping?.count == 2)
        let many = try #require(node["many"])
        #expect(many["lr"]?.resolved == .float(0.02))     // local key wins even when written first
        #expect(many["gamma"]?.resolved == .float(0.9))   // earlier merge wins
        #expect(many["clip"]?.resolved == .float(0.2))
        #expect(many.mapping?.map(\.key) == ["lr", "gamma", "clip"])
        #expect(many["<<"] == nil)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let node = try parse("\"<<\": 1\n")
        #expect(node["<<"]?.resolved == .int(1))
    }

    @Test func flowStyleCommentsAndDocumentMarkers() throws {
        let node = try parse("""
            %YAML 1.2
            --- # start
            grid: {baseline: [none, mean], entropy_coef: [0.0, 0.01]}  # a comment
            zip:
              - {a: 1, b: [x, y]}
            ...
            # trailing comment

            """)
        #expect(node.lookup(["grid", "baseline"])?.sequence?.map { $0.string } == ["none", "mean"])
        #expect(node.lookup(["grid", "entropy_coef"])?.sequence?.map(\.resolved) == [.float(0.0), .float(0.01)])
        #expect(node["zip"]?.sequence?.first?["b"]?.sequence?.count == 2)
    }

    @Test func crlfLineEndingsKeepMarks() throws {
        let text = "a: 1\r\nb:\r\n  c: x\r\n  d: |\r\n    two\r\n    lines\r\n"
        let node = try parse(text)
        let c = try #require(node["b"]?.pair("c"))
        #expect((c.keyMark.line, c.keyMark.column) == (3, 3))
        #expect((c.value.mark.line, c.value.mark.column) == (3, 6))
        #expect(node["b"]?["d"]?.string == "two\nlines\n")
        #expect(c.value.mark.source.line(3) == "  c: x")
    }

    @Test func byteOrderMark() throws {
        let node = try YAMLParser.parse("\u{FEFF}a: 1\nb: 2\n", path: "bom.yaml")
        let a = try #require(node.pair("a"))
        #expect((a.keyMark.line, a.keyMark.column) == (1, 1))
        #expect(a.keyMark.source.line(1) == "a: 1")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: [x, y]\n".utf8)
        let fromBytes = try YAMLParser.parse(bytes: bytes, path: "bom.yaml")
        let y = try #require(fromBytes["b"]?.sequence?[1])
        #expect((y.mark.line, y.mark.column) == (2, 8))
    }

    @Test func coreSchemaScalars() throws {
        let node = try parse("""
            f1: 1e-3
            f2: .5
            f3: 1e5
            f4: 1.
            f5: -2.5E+2
            i1: 010
            i2: 0x1F
            i3: 0o17
            i4: -42
            i5: +7
            s1: yes
            s2: on
            s3: no
            s4: 0x1G
            s5: 1_000
            s6: 1e
            n1: ~
            n2: null
            n3:
            n4: NULL
            b1: true
            b2: FALSE
            b3: tRue
            inf: .inf
            ninf: -.Inf
            nan: .nan
            q1: "1"
            q2: 'true'
            q3: |
              5
            t1: !!float 3
            t2: !!str 12
            t3: !!bool True
            t4: !!null ""
            t5: !!int "0x10"
            """)
        let expected: [(String, Node.Resolved)] = [
            ("f1", .float(0.001)), ("f2", .float(0.5)), ("f3", .float(100_000)), ("f4", .float(1)),
            ("f5", .float(-250)),
            ("i1", .int(10)), ("i2", .int(31)), ("i3", .int(15)), ("i4", .int(-42)), ("i5", .int(7)),
            ("s1", .string("yes")), ("s2", .string("on")), ("s3", .string("no")), ("s4", .string("0x1G")),
            ("s5", .string("1_000")), ("s6", .string("1e")),
            ("n1", .null), ("n2", .null), ("n3", .null), ("n4", .null),
            ("b1", .bool(true)), ("b2", .bool(false)), ("b3", .string("tRue")),
            ("inf", .float(.infinity)), ("ninf", .float(-.infinity)), ("nan", .float(.nan)),
            ("q1", .string("1")), ("q2", .string("true")), ("q3", .string("5\n")),
            ("t1", .float(3)), ("t2", .string("12")), ("t3", .bool(true)), ("t4", .null), ("t5", .int(16)),
        ]
        for (key, value) in expected {
            #expect(node[key]?.resolved == value, "\(key)")
        }
        #expect(node["nan"]?.resolved.map { if case .float(let d) = $0 { d.isNaN } else { false } } == true)
    }

    @Test func floatPatternOnAnyByteCollection() {
        let cases: [(String, Bool)] = [
            ("1.5", true), ("-.5", true), ("+1.", true), ("1e-3", true), ("2E+10", true), ("7", true), ("0.5e1", true),
            (".", false), ("-", false), ("+.", false), ("1e", false), ("1e+", false), ("e5", false), ("1.5.", false),
            ("inf", false), ("nan", false), ("0x1p3", false), ("1_0", false), ("", false), ("1.5 ", false), ("1..5", false),
        ]
        for (text, expected) in cases {
            // A collection without contiguous storage, as the UTF-8 view of a bridged string is.
            let scattered = Array(text.utf8).lazy.map { $0 }
            #expect(scattered.withContiguousStorageIfAvailable { _ in 0 } == nil)
            #expect(CoreSchema.isFloatPattern(scattered) == expected, "\(text)")
            #expect(CoreSchema.isFloatPattern(text.utf8) == expected, "\(text)")
            #expect(Array(text.utf8).withUnsafeBufferPointer { CoreSchema.isFloatPattern($0) } == expected, "\(text)")
            #expect((CoreSchema.float(text) != nil) == expected, "\(text)")
        }
        #expect(CoreSchema.float("+1.") == 1 && CoreSchema.float("-.5") == -0.5 && CoreSchema.float("2E+10") == 2e10)
    }

    @Test func integerBounds() throws {
        let node = try parse("max: 9223372036854775807\nmin: -9223372036854775808\n")
        #expect(node["max"]?.resolved == .int(Int.max))
        #expect(node["min"]?.resolved == .int(Int.min))
    }

    @Test func kindDescriptions() throws {
        let node = try parse("a: {}\nb: []\nc: abc\nd: 5\ne: 0.5\nf: \"0.5\"\ng: ~\nh: true\n")
        #expect(node["a"]?.kindDescription == "a mapping")
        #expect(node["b"]?.kindDescription == "a sequence")
        #expect(node["c"]?.kindDescription == "the string \"abc\"")
        #expect(node["d"]?.kindDescription == "the integer 5")
        #expect(node["e"]?.kindDescription == "the float 0.5")
        #expect(node["f"]?.kindDescription == "the string \"0.5\" (quoted)")
        #expect(node["g"]?.kindDescription == "null")
        #expect(node["h"]?.kindDescription == "the boolean true")
    }

    @Test func sourceLines() {
        let source = SourceFile(path: "x.yaml", text: "one\r\ntwo\nthree\rfour\n")
        #expect(source.line(1) == "one")
        #expect(source.line(2) == "two")
        #expect(source.line(3) == "three")
        #expect(source.line(4) == "four")
        #expect(source.line(5) == nil)
        #expect(source.line(0) == nil)
    }

    @Test func parseFileAtPath() throws {
        let path = NSTemporaryDirectory() + "yaml-parser-test-\(ProcessInfo.processInfo.processIdentifier).yaml"
        try "k: v\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let node = try YAMLParser.parse(fileAt: path, displayPath: "shown.yaml")
        #expect(node["k"]?.string == "v")
        #expect(node.mark.file == "shown.yaml")
    }
}
