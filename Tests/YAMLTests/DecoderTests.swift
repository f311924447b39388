import Testing
@testable import YAML

enum OptimizerName: String, YAMLEnum { case sgd, adam, rmsprop }

struct Estimator: Decodable, Equatable {
    var name: String
    var gamma: Double
    var nSteps: Int?
    var normalize: Bool?

    enum CodingKeys: String, CodingKey {
        case name, gamma, normalize
        case nSteps = "n_steps"
    }
}

struct Settings: Decodable {
    var estimator: Estimator
    var optimizer: OptimizerName
    var hidden: [Int]
    var params: [String: Double]?
    var seeds: [UInt8]?
    var lr: Float?
}

/// An interval whose own `init(from:)` rejects high < low with a `DecodingError`.
struct Interval: Decodable {
    var low: Double
    var high: Double

    enum CodingKeys: String, CodingKey { case low, high }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        low = try c.decode(Double.self, forKey: .low)
        high = try c.decode(Double.self, forKey: .high)
        if high < low {
            throw DecodingError.dataCorruptedError(forKey: .high, in: c, debugDescription: "high must be at least low")
        }
    }
}

/// A custom init that reports a missing key the DecodingError way.
struct NeedsKind: Decodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        _ = c.allKeys
        throw DecodingError.keyNotFound(Key(stringValue: "kind"), .init(codingPath: c.codingPath, debugDescription: ""))
    }
}

func decodeError<T: Decodable>(_ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    diagnostic(sourceLocation: sourceLocation) { _ = try YAMLDecoder().decode(type, from: try parse(text)) }
}

/// The decoder: strict types, unknown keys, and errors at the exact node.
struct DecoderTests {
    let valid = """
        estimator:
          name: a2c
          gamma: 0.99
          n_steps: 5
        optimizer: rmsprop
        hidden: [64, 64]
        params: {a: 1, b: 2.5}
        seeds: [0, 7, 42]
        lr: 7.0e-4
        """

    @Test func decodesAValidFile() throws {
        let s = try YAMLDecoder().decode(Settings.self, from: try parse(valid))
        #expect(s.estimator == Estimator(name: "a2c", gamma: 0.99, nSteps: 5, normalize: nil))
        #expect(s.optimizer == .rmsprop)
        #expect(s.hidden == [64, 64])
        #expect(s.params == ["a": 1, "b": 2.5])
        #expect(s.seeds == [0, 7, 42])
        #expect(s.lr == Float(7.0e-4))
    }

    @Test func unknownKeyWithSuggestion() {
        let text = "estimator:\n  name: a2c\n  gamma: 0.9\n  normalise: true\noptimizer: sgd\nhidden: []\n"
        expectDiagnostic(decodeError(Settings.self, text), line: 4, column: 3,
                         "unknown key 'normalise'; did you mean 'normalize'?", path: "estimator.normalise")
        let top = "estimator: {name: a, gamma: 1}\noptimiser: sgd\nhidden: []\n"
        // The misspelt key stands in for the missing required one.
        expectDiagnostic(decodeError(Settings.self, top), line: 2, column: 1,
                         "unknown key 'optimiser'; did you mean 'optimizer'?", path: "optimiser")
        let far = "estimator: {name: a, gamma: 1}\noptimizer: sgd\nhidden: []\nzzz: 1\n"
        expectDiagnostic(decodeError(Settings.self, far), line: 4, column: 1, "unknown key 'zzz'; expected one of")
    }

    @Test func misspeltRequiredKeyIsReportedAtTheTypo() {
        let text = "estimator:\n  name: a2c\n  gama: 0.9\noptimizer: sgd\nhidden: []\n"
        expectDiagnostic(decodeError(Settings.self, text), line: 3, column: 3,
                         "unknown key 'gama'; did you mean 'gamma'?", path: "estimator.gama")
    }

    @Test func missingKey() {
        let text = "estimator:\n  gamma: 0.9\noptimizer: sgd\nhidden: []\n"
        expectDiagnostic(decodeError(Settings.self, text), line: 2, column: 3,
                         "missing required key 'name'", path: "estimator.name")
    }

    @Test func wrongTypes() {
        let base = "estimator: {name: a, gamma: 1}\noptimizer: sgd\n"
        expectDiagnostic(decodeError(Settings.self, base + "hidden: [64, x, 3]\n"), line: 3, column: 14,
                         "expected an integer, found the string \"x\"", path: "hidden[1]")
        expectDiagnostic(decodeError(Settings.self, base + "hidden: [1.5]\n"), line: 3, column: 10,
                         "expected an integer, found the float 1.5")
        expectDiagnostic(decodeError(Settings.self, base + "hidden: {a: 1}\n"), line: 3, column: 9,
                         "expected a sequence, found a mapping", path: "hidden")
        expectDiagnostic(decodeError(Settings.self, "estimator: {name: 5, gamma: 1}\noptimizer: sgd\nhidden: []\n"),
                         line: 1, column: 19, "expected a string, found the integer 5", path: "estimator.name")
        expectDiagnostic(decodeError(Settings.self, "estimator: {name: a, gamma: 1, normalize: yes}\noptimizer: sgd\nhidden: []\n"),
                         line: 1, column: 43, "expected a boolean (true or false), found the string \"yes\"")
        expectDiagnostic(decodeError(Settings.self, base + "hidden: []\nseeds: [300]\n"), line: 4, column: 9,
                         "the integer 300 is out of range (0...255)", path: "seeds[0]")
        expectDiagnostic(decodeError(Settings.self, "estimator: 3\noptimizer: sgd\nhidden: []\n"),
                         line: 1, column: 12, "expected a mapping, found the integer 3", path: "estimator")
    }

    @Test func quotedNumberWhereANumberIsExpected() {
        let text = "estimator:\n  name: a2c\n  gamma: \"0.5\"\noptimizer: sgd\nhidden: []\n"
        expectDiagnostic(decodeError(Settings.self, text), line: 3, column: 10,
                         "expected a number, found the string \"0.5\" (quoted)", path: "estimator.gamma")
    }

    @Test func integersAreNumbers() throws {
        let s = try YAMLDecoder().decode(Estimator.self, from: try parse("name: x\ngamma: 1\n"))
        #expect(s.gamma == 1.0)
    }

    @Test func unknownEnumValueWithSuggestion() {
        let text = "estimator: {name: a, gamma: 1}\noptimizer: rmsprp\nhidden: []\n"
        expectDiagnostic(decodeError(Settings.self, text), line: 2, column: 12,
                         "unknown value 'rmsprp'; expected one of sgd, adam, rmsprop; did you mean 'rmsprop'?",
                         path: "optimizer")
    }

    @Test func decodingErrorFromACustomInitPointsAtItsNode() {
        expectDiagnostic(decodeError([String: Interval].self, "x: {low: 0, high: 1}\ny:\n  low: 2\n  high: 1\n"),
                         line: 4, column: 9, "high must be at least low", path: "y.high")
        expectDiagnostic(decodeError([Interval].self, "- {low: 0, high: 1}\n- {low: 5, high: -1}\n"),
                         line: 2, column: 18, "high must be at least low", path: "[1].high")
        expectDiagnostic(decodeError([String: NeedsKind].self, "a:\n  b: 1\n"),
                         line: 2, column: 3, "missing required key 'kind'", path: "a.kind")
    }

    @Test func nullAndOptionals() throws {
        let e = try YAMLDecoder().decode(Estimator.self, from: try parse("name: x\ngamma: 1\nn_steps: ~\nnormalize:\n"))
        #expect(e.nSteps == nil && e.normalize == nil)
        let list = try YAMLDecoder().decode([Int?].self, from: try parse("[1, null, 3]"))
        #expect(list == [1, nil, 3])
        expectDiagnostic(decodeError(Estimator.self, "name: x\ngamma: ~\n"), line: 2, column: 8,
                         "expected a number, found null", path: "gamma")
    }

    @Test func nestedAndUnkeyedContainers() throws {
        struct Pair: Decodable {
            var first: Int
            var rest: [String]
            init(from decoder: any Decoder) throws {
                var outer = try decoder.unkeyedContainer()
                first = try outer.decode(Int.self)
                var inner = try outer.nestedUnkeyedContainer()
                var rest: [String] = []
                while !inner.isAtEnd { rest.append(try inner.decode(String.self)) }
                self.rest = rest
            }
        }
        struct Wrapper: Decodable {
            var value: Int
            enum Outer: String, CodingKey { case box }
            enum Inner: String, CodingKey { case value }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: Outer.self)
                value = try c.nestedContainer(keyedBy: Inner.self, forKey: .box).decode(Int.self, forKey: .value)
            }
        }
        let pair = try YAMLDecoder().decode(Pair.self, from: try parse("[1, [a, b]]"))
        #expect(pair.first == 1 && pair.rest == ["a", "b"])
        #expect(try YAMLDecoder().decode(Wrapper.self, from: try parse("box: {value: 3}")).value == 3)
        // Unknown keys inside a nested container are checked too.
        expectDiagnostic(decodeError(Wrapper.self, "box: {value: 3, valeu: 4}"), line: 1, column: 17,
                         "unknown key 'valeu'; did you mean 'value'?", path: "box.valeu")
        expectDiagnostic(decodeError(Pair.self, "[1]"), line: 1, column: 1, "expected more elements; the sequence has 1")
    }

    @Test func allKeysMarksOnlyTheKeysTheTypeAccepts() throws {
        struct Picky: Decodable {
            enum CodingKeys: String, CodingKey { case alpha, beta }
            var seen: [String]
            init(from decoder: any Decoder) throws {
                seen = try decoder.container(keyedBy: CodingKeys.self).allKeys.map(\.stringValue)
            }
        }
        #expect(try YAMLDecoder().decode(Picky.self, from: try parse("alpha: 1\nbeta: 2")).seen == ["alpha", "beta"])
        expectDiagnostic(decodeError(Picky.self, "alpha: 1\ngamma: 2"), line: 2, column: 1,
                         "unknown key 'gamma'; expected one of alpha", path: "gamma")
        // Synthesized enum decoding goes through allKeys; a stray key beside the case is unknown.
        enum Shape: Decodable, Equatable { case circle(radius: Double), square(side: Double) }
        #expect(try YAMLDecoder().decode(Shape.self, from: try parse("circle: {radius: 2}")) == .circle(radius: 2))
        expectDiagnostic(decodeError(Shape.self, "circle: {radius: 2}\ncolour: red"), line: 2, column: 1,
                         "unknown key 'colour'", path: "colour")
        // A key type that accepts every text still asks for every key.
        #expect(try YAMLDecoder().decode([String: Int].self, from: try parse("x: 1\ny: 2")) == ["x": 1, "y": 2])
    }

    @Test func caseIterableKeysAreCandidates() {
        struct Opts: Decodable {
            enum CodingKeys: String, CodingKey, CaseIterable { case momentum, nesterov }
            init(from decoder: any Decoder) throws {
                // Asks for nothing; the suggestion still knows every declared key.
                _ = try decoder.container(keyedBy: CodingKeys.self)
            }
        }
        expectDiagnostic(decodeError(Opts.self, "nesterv: true"), line: 1, column: 1,
                         "unknown key 'nesterv'; did you mean 'nesterov'?")
    }

    @Test func yamlNodeAndNodeFields() throws {
        struct Raw: Decodable {
            var params: Node
            var line: Int
            init(from decoder: any Decoder) throws {
                line = decoder.yamlNode?.mark.line ?? -1
                let c = try decoder.container(keyedBy: CodingKeys.self)
                params = try c.decode(Node.self, forKey: .params)
            }
            enum CodingKeys: String, CodingKey { case params }
        }
        let raw = try YAMLDecoder().decode(Raw.self, from: try parse("\nparams: {x: 1}\n"))
        #expect(raw.line == 2)
        #expect(raw.params["x"]?.resolved == .int(1))
    }

    @Test func userInfoReachesTheDecoder() throws {
        struct Probe: Decodable {
            var seen: String?
            init(from decoder: any Decoder) throws { seen = decoder.userInfo[.init(rawValue: "k")!] as? String }
        }
        var decoder = YAMLDecoder()
        decoder.userInfo[.init(rawValue: "k")!] = "v"
        #expect(try decoder.decode(Probe.self, from: .null).seen == "v")
    }
}

/// Declared keys are never taken for typos of a missing one.
struct MissingKeyHeuristicTests {
    struct Two: Decodable { var gamma: Double; var gammas: [Double] }

    @Test func declaredNeighbourIsNotATypo() {
        expectDiagnostic(decodeError(Two.self, "gammas: [1]\n"), line: 1, column: 1,
                         "missing required key 'gamma'", path: "gamma")
    }
}
