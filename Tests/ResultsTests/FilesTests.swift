import Foundation
import TestSupport
import Testing
@testable import Results

struct FilesTests {
    @Test func executableSearchTakesTheFirstExecutableOnPath() throws {
        let folder = TemporaryFolder()
        let fm = FileManager.default
        for sub in ["a", "b", "c"] { try fm.createDirectory(at: folder.url.appendingPathComponent(sub), withIntermediateDirectories: true) }
        // a/tool is not executable, b/tool and c/tool are: b wins, as in a shell.
        folder.write("a/tool", "")
        folder.write("b/tool", "#!/bin/sh\n")
        folder.write("c/tool", "#!/bin/sh\n")
        for sub in ["b", "c"] {
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.appendingPathComponent("\(sub)/tool").path)
        }
        let path = ["/nonexistent", "", "a", "b", "c"].map { $0.isEmpty || $0.hasPrefix("/") ? $0 : folder.url.appendingPathComponent($0).path }
        let found = ExecutableSearch.onPath("tool", environment: ["PATH": path.joined(separator: ":")])
        #expect(found?.path == folder.url.appendingPathComponent("b/tool").path)
        #expect(ExecutableSearch.onPath("tool", environment: ["PATH": path[0...2].joined(separator: ":")]) == nil)
    }

    @Test func prettyJSONSortsKeysKeepsSlashesAndEndsWithANewline() throws {
        let text = PrettyJSON.text(["path": "jobs/a/result.json", "a": "1"])
        #expect(text.hasSuffix("}\n") && text.contains("\n  "))
        #expect(text.contains("jobs/a/result.json"))
        #expect(try #require(text.range(of: "\"a\"")).lowerBound < #require(text.range(of: "\"path\"")).lowerBound)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        #expect(decoded == ["path": "jobs/a/result.json", "a": "1"])
    }

    @Test func jobFilesSpellTheLayout() {
        let files = JobFiles(root: URL(fileURLWithPath: "/r/exp"), jobId: "0123456789abcdef")
        #expect(files.config.path == "/r/exp/jobs/0123456789abcdef/config.yaml")
        #expect(files.curve.path == "/r/exp/jobs/0123456789abcdef/curve.csv")
        #expect(files.variance.path == "/r/exp/jobs/0123456789abcdef/variance.csv")
        #expect(files.result.path == "/r/exp/jobs/0123456789abcdef/result.json")
    }
}
