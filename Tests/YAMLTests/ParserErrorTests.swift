import Testing
@testable import YAML

/// Every parse error is reported at the exact line and column of its cause.
struct ParserErrorTests {
    @Test func tabIndentation() {
        // The tab starts line 2; a tab cannot indent a block.
        let d = parseError("a:\n\tb: 1\n")
        expectDiagnostic(d, line: 2, column: 1, "cannot start any token")
        #expect(d?.message.contains("tabs cannot be used for indentation") == true)
    }

    @Test func unclosedQuote() {
        // The scanner runs to the end of the stream (line 3, column 1) looking for the closing quote.
        let d = parseError("a: \"abc\nb: 1\n")
        expectDiagnostic(d, line: 3, column: 1, "found unexpected end of stream while scanning a quoted scalar")
        #expect(d?.message.contains("started at line 1, column 4") == true)
    }

    @Test func unclosedBracket() {
        // At the end of the stream, with the opening bracket named.
        let d = parseError("a: [1, 2\n")
        expectDiagnostic(d, line: 2, column: 1, "did not find expected ',' or ']' while parsing a flow sequence")
        #expect(d?.message.contains("started at line 1, column 4") == true)
        // A following key ends the multi-line plain scalar "2 b" at its ':' on line 2.
        let e = parseError("a: [1, 2\nb: 3\n")
        expectDiagnostic(e, line: 2, column: 2, "did not find expected ',' or ']'")
    }

    @Test func duplicateKey() {
        expectDiagnostic(parseError("a: 1\nb:\n  c: 2\n  c: 3\n"), line: 4, column: 3, "duplicate key 'c' (first at line 3)")
    }

    @Test func undefinedAlias() {
        expectDiagnostic(parseError("a: &x 1\nb: [1, *y]\n"), line: 2, column: 8, "undefined alias 'y'")
    }

    @Test func recursiveAliasIsUndefined() {
        // An anchor is defined only once its node is complete, so a node cannot contain itself.
        expectDiagnostic(parseError("a: &x [1, *x]\n"), line: 1, column: 11, "undefined alias 'x'")
    }

    @Test func nonStringKeys() {
        expectDiagnostic(parseError("a: 1\n10: x\n"), line: 2, column: 1, "keys must be strings; found the integer 10")
        expectDiagnostic(parseError("true: x\n"), line: 1, column: 1, "found the boolean true")
        expectDiagnostic(parseError("{a: 1, [b]: 2}\n"), line: 1, column: 8, "found a sequence")
        expectDiagnostic(parseError("? {k: v}\n: x\n"), line: 1, column: 3, "found a mapping")
        expectDiagnostic(parseError("a: &k 1.5\n*k : x\n"), line: 2, column: 1, "found the float 1.5")
    }

    @Test func quotedKeysAreStrings() throws {
        let node = try parse("\"10\": x\n!!str true: y\n")
        #expect(node["10"]?.string == "x")
        #expect(node["true"]?.string == "y")
    }

    @Test func secondDocument() {
        expectDiagnostic(parseError("a: 1\n---\nb: 2\n"), line: 2, column: 1, "a file holds one document")
        expectDiagnostic(parseError("--- 1\n...\n# two\n--- [2]\n"), line: 4, column: 1, "a file holds one document")
    }

    @Test func emptyFileAndDocument() {
        expectDiagnostic(parseError(""), line: 1, column: 1, "the file is empty")
        expectDiagnostic(parseError("# just a comment\n\n"), line: 1, column: 1, "the file is empty")
        expectDiagnostic(parseError("# header\n---\n# nothing\n"), line: 2, column: 1, "the file is empty")
    }

    @Test func invalidUTF8() {
        // 0xC3 must be followed by a continuation byte; 'l' is not one. It is the 5th character of line 2.
        let bytes = Array("a: 1\nb: h".utf8) + [0xC3] + Array("llo\n".utf8)
        let d = diagnostic { _ = try YAMLParser.parse(bytes: bytes, path: "bad.yaml") }
        expectDiagnostic(d, line: 2, column: 5, "not valid UTF-8")
        // Columns count characters: the two-byte 'é' is one column.
        let accented = Array("é: [".utf8) + [0xFF]
        expectDiagnostic(diagnostic { _ = try YAMLParser.parse(bytes: accented, path: "bad.yaml") },
                         line: 1, column: 5, "not valid UTF-8")
    }

    @Test func badIntegerAndTags() {
        expectDiagnostic(parseError("a:\n  b: 99999999999999999999\n"), line: 2, column: 6, "does not fit in 64 bits")
        expectDiagnostic(parseError("a: !!int abc\n"), line: 1, column: 4, "not a valid !!int")
        expectDiagnostic(parseError("a: !custom x\n"), line: 1, column: 4, "unsupported tag '!custom'")
        expectDiagnostic(parseError("a: !!str [1]\n"), line: 1, column: 4, "unsupported tag '!!str'")
    }

    @Test func mergeOfScalarIsAnError() {
        expectDiagnostic(parseError("a:\n  <<: 5\n"), line: 2, column: 7, "merge key '<<' takes a mapping")
        expectDiagnostic(parseError("m: &m {x: 1}\na:\n  <<: [*m, 3]\n"), line: 3, column: 12, "found the integer 3")
    }

    @Test func billionLaughsFailsAtTheNodeLimit() {
        // Nine levels of nine aliases. Subtree sizes: a = 10, b = 1 + 9*10 = 91, c = 820, d = 7381,
        // e = 66430, f = 597871. Before line 7's first alias the document holds 1 (root) + 6 keys +
        // those sizes + g's key and sequence = 672612 nodes; adding one `*f` (597871) passes 1,000,000.
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<9 {
            let prev = names[level - 1]
            let refs = Array(repeating: "*\(prev)", count: 9).joined(separator: ", ")
            text += "\(names[level]): &\(names[level]) [\(refs)]\n"
        }
        expectDiagnostic(parseError(text), line: 7, column: 8, "alias expansion exceeds 1000000 nodes")
    }

    @Test func plainNodeLimit() {
        expectDiagnostic(parseError("[1, 2, 3, 4]\n", limits: ParseLimits(maxNodes: 4)), line: 1, column: 11,
                         "the document exceeds 4 nodes")
    }

    @Test func deepFlowSequencesFailWithTheDepthError() {
        // The 513th '[' is at column 513.
        let text = String(repeating: "[", count: 100_000)
        expectDiagnostic(parseError(text), line: 1, column: 513, "nesting deeper than 512 levels")
    }

    @Test func deepFlowMappingsFailWithTheDepthError() {
        // Each level is "{a: " (4 characters), so the 513th mapping starts at column 4*512 + 1.
        let text = String(repeating: "{a: ", count: 100_000)
        expectDiagnostic(parseError(text), line: 1, column: 2049, "nesting deeper than 512 levels")
    }

    @Test func deepBlockNestingFailsWithTheDepthError() {
        var text = ""
        for level in 0..<20 { text += String(repeating: " ", count: level) + "k:\n" }
        text += String(repeating: " ", count: 20) + "v\n"
        // Line n opens the mapping of level n at column n; level 11 is one too many.
        expectDiagnostic(parseError(text, limits: ParseLimits(maxDepth: 10)), line: 11, column: 11,
                         "nesting deeper than 10 levels")
    }

    @Test func aliasesCannotDeepenPastTheLimit() {
        // x is 3 levels deep; an alias of it inside 2 more levels would make 5 > 4.
        expectDiagnostic(parseError("x: &x [[1]]\ny: [[*x]]\n", limits: ParseLimits(maxDepth: 4)),
                         line: 2, column: 6, "nesting deeper than 4 levels")
    }
}

/// Reader errors report a byte offset; it is turned into a line and a character column.
struct ReaderErrorTests {
    @Test func controlCharacter() {
        expectDiagnostic(parseError("a: 1\nbé: x\u{1}y\n"), line: 2, column: 6, "control characters are not allowed")
    }
}
