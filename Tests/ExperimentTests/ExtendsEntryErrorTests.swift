import Experiment
import Testing
import YAML

/// An `extends` entry that names no readable file is an error at that entry, saying why.
@Suite struct ExtendsEntryErrorTests {
    let scratch = Scratch()

    /// The single error of `text`, checked to sit at `line`:`column` of the top file, path `path`.
    func expectEntryError(
        _ text: String, line: Int, column: Int, path: String, contains message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let errors = scratch.errors(text, name: "top.yaml")
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        guard let e = errors.first else { return }
        #expect(e.mark.file.hasSuffix("top.yaml"), "\(e)", sourceLocation: sourceLocation)
        #expect(e.mark.line == line && e.mark.column == column, "\(e)", sourceLocation: sourceLocation)
        #expect(e.path == path, "\(e)", sourceLocation: sourceLocation)
        #expect(e.message.contains(message), "\(e)", sourceLocation: sourceLocation)
        // The printed form shows the entry's line and a caret under it.
        let printed = e.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(printed.count == 3, "\(e)", sourceLocation: sourceLocation)
        if printed.count == 3 {
            #expect(printed[2] == Substring(String(repeating: " ", count: column - 1) + "^"),
                    "\(e)", sourceLocation: sourceLocation)
        }
    }

    @Test func anEmptyPathIsAnErrorAtTheEntry() {
        scratch.write("base.yaml", "seeds: 1\n")
        expectEntryError("# base\nextends: \"\"\n" + minimal(), line: 2, column: 10, path: "extends", contains: "empty path")
        expectEntryError(
            "extends:\n  - base.yaml\n  - ''\n" + minimal(), line: 3, column: 5, path: "extends[1]",
            contains: "empty path")
    }

    @Test func aDirectoryIsAnErrorAtTheEntry() {
        scratch.write("sub/base.yaml", "seeds: 1\n")
        expectEntryError("extends: /etc\n" + minimal(), line: 1, column: 10, path: "extends", contains: "is a directory")
        expectEntryError("extends: [sub]\n" + minimal(), line: 1, column: 11, path: "extends[0]", contains: "is a directory")
        expectEntryError("extends: .\n" + minimal(), line: 1, column: 10, path: "extends", contains: "is a directory")
    }

    @Test func aDirectoryNamedInABaseFileIsAnErrorInThatFile() {
        scratch.write("base.yaml", "# base\nextends: sub\n")
        scratch.write("sub/x.yaml", "seeds: 1\n")
        let errors = scratch.errors("extends: base.yaml\n" + minimal(), name: "top.yaml")
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.mark.file.hasSuffix("base.yaml") == true, "\(errors)")
        #expect(errors.first?.mark.line == 2 && errors.first?.mark.column == 10, "\(errors)")
        #expect(errors.first?.message.contains("is a directory") == true, "\(errors)")
    }
}
