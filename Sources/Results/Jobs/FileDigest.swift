import Crypto
import Foundation
import SystemPackage

/// What `result.json` records of one job file, to tell a damaged file from the one written:
/// its size, its number of lines (a CSV's header included) and its SHA-256.
package struct FileDigest: Sendable, Equatable, Codable {
    package var bytes: Int
    package var lines: Int
    package var sha256: String

    package init(bytes: Int, lines: Int, sha256: String) {
        self.bytes = bytes
        self.lines = lines
        self.sha256 = sha256
    }

    /// Reads the file at `url` (never through a link) and digests it.
    package static func of(_ url: URL) throws -> FileDigest {
        guard let data = try SafeFiles.contents(of: url, followingLinks: false) else {
            throw FileSystemError.failed(path: url.path, action: "read", errno: .noSuchFileOrDirectory)
        }
        return of(bytes: data)
    }

    /// The digest of `data`, bytes already read.
    package static func of(bytes data: Data) -> FileDigest {
        let hex = Crypto.SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return FileDigest(bytes: data.count, lines: data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, sha256: hex)
    }

    /// How the file found, `actual`, differs from this record, for a warning; nil when it matches.
    package func mismatch(_ actual: FileDigest) -> String? {
        if actual == self { return nil }
        if actual.lines != lines || actual.bytes != bytes {
            return "\(actual.lines) lines (\(actual.bytes) bytes) where result.json records \(lines) (\(bytes) bytes)"
        }
        return "a SHA-256 that differs from the one result.json records"
    }
}
