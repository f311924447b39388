import Testing
@testable import YAML

/// The printed form of diagnostics and the suggestion rule.
struct DiagnosticTests {
    @Test func descriptionWithPathSourceLineAndCaret() {
        let source = SourceFile(path: "exp.yaml", text: "estimator:\n  gama: 0.9\n")
        let d = Diagnostic(at: Mark(source: source, line: 2, column: 3), path: "estimator.gama",
                           message: "unknown key 'gama'; did you mean 'gamma'?")
        #expect(d.description == """
            exp.yaml:2:3: error: estimator.gama: unknown key 'gama'; did you mean 'gamma'?
              gama: 0.9
              ^
            """)
    }

    @Test func caretCopiesTabs() {
        let source = SourceFile(path: "t.yaml", text: "a: 1\n\tb:  x\n")
        let d = Diagnostic(.warning, at: Mark(source: source, line: 2, column: 6), message: "bad")
        #expect(d.description == "t.yaml:2:6: warning: bad\n\tb:  x\n\t    ^")
    }

    @Test func generatedMarkHasNoSourceLine() {
        let d = Diagnostic(at: .generated, path: "a", message: "m")
        #expect(d.description == "<generated>:0:0: error: a: m")
    }

    @Test func parseErrorDescriptionPointsAtTheTab() {
        let d = parseError("a:\n  b: 1\n\tc: 2\n")
        #expect(d?.description.hasPrefix("test.yaml:3:1: error: found a tab character that violates indentation") == true)
        #expect(d?.description.hasSuffix("\n\tc: 2\n^") == true)
    }

    @Test func caretAtTheEndOfALine() {
        let source = SourceFile(path: "s.yaml", text: "ab\r\n")
        let d = Diagnostic(at: Mark(source: source, line: 1, column: 5), message: "m")
        #expect(d.description == "s.yaml:1:5: error: m\nab\n    ^")
    }

    @Test func keyPaths() {
        let path: [any CodingKey] = [IndexKey(0), TestKey("grid"), TestKey("baseline"), IndexKey(2), TestKey("c")]
        #expect(Diagnostic.keyPath(path) == "[0].grid.baseline[2].c")
        // IndexKey is recognised by its type, a foreign key by the "Index N" convention.
        #expect(IndexKey(3).stringValue == "Index 3" && IndexKey(3).intValue == 3)
        #expect(IndexKey(stringValue: "Index 3") == nil)
        #expect(Diagnostic.keyPath([StringKey("a"), ForeignIndexKey(intValue: 4)!, StringKey("b")]) == "a[4].b")
        // A string key that merely has an intValue is not an index.
        #expect(Diagnostic.keyPath([StringKey("a"), NumberedKey(intValue: 4)!]) == "a.4")
    }

    @Test func suggestions() {
        #expect(suggestion(for: "rmsprp", among: ["sgd", "adam", "rmsprop"]) == "rmsprop")
        #expect(suggestion(for: "gama", among: ["gamma", "lambda"]) == "gamma")
        // Short words allow 2 edits, but always fewer than their length: "xyz" vs "abc" is 3 > 2.
        #expect(suggestion(for: "xyz", among: ["abc"]) == nil)
        #expect(suggestion(for: "xyc", among: ["abc"]) == "abc")
        // A 2-letter word allows 1 edit: a suggestion must keep one of its letters.
        #expect(suggestion(for: "ab", among: ["xy"]) == nil)
        #expect(suggestion(for: "xy", among: ["lr"]) == nil)
        #expect(suggestion(for: "lx", among: ["lr"]) == "lr")
        #expect(suggestion(for: "l", among: ["lr"]) == nil)
        // A 1-letter word allows none (and an empty word never matches).
        #expect(suggestion(for: "x", among: ["y"]) == nil)
        #expect(suggestion(for: "", among: ["a"]) == nil)
        // A transposition in a 4-letter word is distance 2: still suggested.
        #expect(suggestion(for: "sede", among: ["seed"]) == "seed")
        // Ties go to the first candidate.
        #expect(suggestion(for: "cat", among: ["bat", "cap"]) == "bat")
        // Longer words allow count/3 edits: 12 letters allow 4.
        #expect(suggestion(for: "eval_episods", among: ["eval_episodes"]) == "eval_episodes")
        #expect(suggestion(for: "abcdefghijkl", among: ["abcdxxxxijkl"]) == "abcdxxxxijkl")
        #expect(suggestion(for: "abcdefghijkl", among: ["abxxxxxhijkl"]) == nil)
        #expect(levenshtein(Array("kitten"), Array("sitting")) == 3)
    }
}

struct TestKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A sequence key as Foundation's decoders make it: not an `IndexKey`, named "Index N".
struct ForeignIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// A key with an integer value whose text is the number itself (a dictionary's Int key).
struct NumberedKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
