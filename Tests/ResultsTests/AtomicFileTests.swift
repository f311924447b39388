import Foundation
import TestSupport
import Testing
@testable import Results

struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("deep/er/file.csv")
        try AtomicFile.write("first", to: url)
        #expect(folder.read("deep/er/file.csv") == "first")
        try AtomicFile.write(Data("second".utf8), to: url, durable: true)
        #expect(folder.read("deep/er/file.csv") == "second")
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["file.csv"])
    }

    @Test func concurrentWritersNeverTearAFile() async throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("shared.txt")
        // 8 writers × 25 writes of distinct, long contents to one file; every read sees one whole version.
        let versions = (0..<8).map { String(repeating: Character(UnicodeScalar(65 + $0)!), count: 50_000) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for version in versions {
                group.addTask { for _ in 0..<25 { try AtomicFile.write(version, to: url) } }
            }
            group.addTask {
                for _ in 0..<200 {
                    if let text = try? String(contentsOf: url, encoding: .utf8) {
                        #expect(versions.contains(text))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(versions.contains(folder.read("shared.txt")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["shared.txt"])
    }

    @Test func temporaryNamesAreDistinctAndHidden() {
        let url = URL(fileURLWithPath: "/tmp/x/y.csv")
        let a = AtomicFile.temporaryURL(for: url)
        let b = AtomicFile.temporaryURL(for: url)
        #expect(a != b && a.lastPathComponent.hasPrefix(".y.csv.") && a.deletingLastPathComponent() == url.deletingLastPathComponent())
    }
}
