import Foundation
import TestSupport
import Testing

@testable import Results

/// Only regular files are read: anything else is refused through the open descriptor, never
/// read, so a FIFO without a writer cannot block (this test would hang otherwise).
@Suite(.timeLimit(.minutes(1))) struct NonRegularFileTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("curve.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(throws: FileSystemError.notRegularFile(path: fifo.path, kind: "a FIFO")) { try SafeFiles.contents(of: fifo) }
        #expect(throws: FileSystemError.notRegularFile(path: fifo.path, kind: "a FIFO")) { try FileDigest.of(fifo) }
        #expect(throws: FileSystemError.notRegularFile(path: fifo.path, kind: "a FIFO")) { try SafeFiles.checkRegularFile(fifo) }
        #expect(JobResult.read(from: fifo) == nil)
        #expect("\(FileSystemError.notRegularFile(path: fifo.path, kind: "a FIFO"))"
            == "\(fifo.path): cannot read: it is a FIFO, not a regular file")
    }

    @Test func aFolderAndADeviceAreRefused() throws {
        let folder = TemporaryFolder()
        #expect(throws: FileSystemError.notRegularFile(path: folder.url.path, kind: "a folder")) {
            try SafeFiles.contents(of: folder.url)
        }
        #expect(throws: FileSystemError.notRegularFile(path: "/dev/zero", kind: "a character device")) {
            try SafeFiles.contents(of: URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test func aRegularFileAndALinkToOneAreRead() throws {
        let folder = TemporaryFolder()
        let file = URL(fileURLWithPath: folder.write("a.txt", "text\n"))
        let link = folder.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(try SafeFiles.contents(of: file) == Data("text\n".utf8))
        #expect(try SafeFiles.contents(of: link) == Data("text\n".utf8))
        try SafeFiles.checkRegularFile(link)
        #expect(try SafeFiles.contents(of: folder.url.appendingPathComponent("absent")) == nil)
    }
}
