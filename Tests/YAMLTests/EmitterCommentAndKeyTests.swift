import Testing
@testable import YAML

/// What the emitter writes from arbitrary text stays where it was put: a comment stays one
/// comment line, and a key of any length and content reads back as that key.
struct EmitterCommentAndKeyTests {
    @Test(arguments: EmitterTests.awkwardStrings + ["a\r\nb", "\u{2029}x: 1", "\u{FEFF}", "\u{0}\u{1B}\u{9B}", "\\n"])
    func aCommentHoldingAnyTextStaysOneComment(_ text: String) throws {
        let comment = "# " + YAMLEmitter.commentText(text)
        #expect(!comment.unicodeScalars.contains { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) })
        let back = try YAMLParser.parse(comment + "\nkey: 1\n", path: "commented.yaml")
        #expect(back.mapping?.map(\.key) == ["key"])
    }

    @Test func aCommentKeepsTheTextReadable() {
        #expect(YAMLEmitter.commentText("say \"hi\"\nextends: x\\y\u{1B}") == "say \"hi\"\\nextends: x\\\\y\\x1B")
    }

    @Test(arguments: [1024, 1025, 4000])
    func aKeyOfAnyLengthReadsBack(_ length: Int) throws {
        for unit in ["k", "é", "a\n"] {
            let key = String(repeating: unit, count: length / unit.count)
            let inner = Node.mapping([Node.Pair(key: key, value: .string(key)), Node.Pair(key: "next", value: .int(2))])
            let tree = Node.mapping([
                Node.Pair(key: key, value: .int(1)),
                Node.Pair(key: "nested", value: .mapping([Node.Pair(key: key, value: inner)])),
                Node.Pair(key: "listed", value: .sequence([inner, .mapping([Node.Pair(key: key, value: .sequence([.int(3)]))])])),
            ])
            let text = YAMLEmitter.emit(tree)
            let back = try YAMLParser.parse(text, path: "emitted.yaml")
            #expect(sameValue(tree, back), "emitted:\n\(text)")
        }
    }
}
