import Foundation
import TestSupport
import Testing

@testable import Results

/// Writing and removing in a results folder never goes through a symbolic link.
@Suite struct SafeFilesTests {
    /// A user's file outside the results folder, and a link to it inside.
    private func linkedUserFile(_ folder: TemporaryFolder, linkName: String) throws -> (user: URL, link: URL) {
        let user = folder.url.appendingPathComponent("user.txt")
        try "user data".write(to: user, atomically: true, encoding: .utf8)
        let link = folder.url.appendingPathComponent(linkName)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: user)
        return (user, link)
    }

    @Test func atomicWriteReplacesALinkAtTheDestinationRatherThanItsTarget() throws {
        let folder = TemporaryFolder()
        let (user, link) = try linkedUserFile(folder, linkName: "summary.csv")
        try AtomicFile.write("report", to: link)
        #expect(try String(contentsOf: user, encoding: .utf8) == "user data")
        // attributesOfItem does not follow a link: a regular file now stands where the link was.
        #expect(try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: link, encoding: .utf8) == "report")
    }

    @Test func removeTreeRemovesLinksInsideButRefusesALinkedFolder() throws {
        let folder = TemporaryFolder()
        let (user, _) = try linkedUserFile(folder, linkName: "unused")
        let tree = folder.url.appendingPathComponent("tree/inner")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: tree.appendingPathComponent("to-user"), withDestinationURL: folder.url)
        try SafeFiles.removeTree(folder.url.appendingPathComponent("tree"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("tree").path))
        #expect(try String(contentsOf: user, encoding: .utf8) == "user data")

        let linkedFolder = folder.url.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: linkedFolder, withDestinationURL: folder.url)
        #expect(throws: FileSystemError.symbolicLink(path: linkedFolder.path)) { try SafeFiles.removeTree(linkedFolder) }
        #expect(throws: FileSystemError.symbolicLink(path: linkedFolder.path)) { try SafeFiles.makeDirectory(linkedFolder) }
        #expect(try String(contentsOf: user, encoding: .utf8) == "user data")
    }

    @Test func errorsNameThePathAndTheReason() throws {
        let folder = TemporaryFolder()
        let file = folder.url.appendingPathComponent("plain")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let below = file.appendingPathComponent("summary.csv")
        do {
            try AtomicFile.write("x", to: below)
            Issue.record("writing below a file succeeded")
        } catch {
            #expect("\(error)".contains(file.path) && "\(error)".contains("Not a directory"), "\(error)")
        }
    }

    @Test func digestCountsLinesAndBytesAndRefusesLinks() throws {
        let folder = TemporaryFolder()
        let file = folder.url.appendingPathComponent("curve.csv")
        try "a,b\n1,2\n3,".write(to: file, atomically: true, encoding: .utf8)
        let digest = try FileDigest.of(file)
        #expect(digest.bytes == 10 && digest.lines == 2)
        // From Python's hashlib.sha256(b"a,b\n1,2\n3,").
        #expect(digest.sha256 == "8d2198dc444efde73441b15f761ec20638baef313e23c4c174bb8d5fc42c958e")
        let (_, link) = try linkedUserFile(folder, linkName: "variance.csv")
        #expect(throws: FileSystemError.symbolicLink(path: link.path)) { try FileDigest.of(link) }
    }
}
