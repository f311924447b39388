import Foundation
import SystemPackage

/// A file-system operation that failed, naming the path and the system's reason.
package enum FileSystemError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// `path` is a symbolic link where the runner writes or deletes; it is never followed.
    case symbolicLink(path: String)
    /// `action` (e.g. "create", "write", "remove") failed on `path` with `errno`.
    case failed(path: String, action: String, errno: Errno)
    /// `path` is a FIFO, a device, a socket or a folder where a file is read: reading it could
    /// block forever or mean nothing, so it is refused. `kind` names what it is ("a FIFO").
    case notRegularFile(path: String, kind: String)

    /// The path the error is about.
    package var path: String {
        switch self {
        case .symbolicLink(let path), .failed(let path, _, _), .notRegularFile(let path, _): path
        }
    }

    package var description: String {
        switch self {
        case .symbolicLink(let path): "\(path) is a symbolic link; refusing to follow it"
        case .failed(let path, let action, let errno): "\(path): cannot \(action): \(errno.description)"
        case .notRegularFile(let path, let kind): "\(path): cannot read: it is \(kind), not a regular file"
        }
    }

    package var errorDescription: String? { description }

    /// The failure of `action` on `path` with the current `errno`.
    static func lastError(_ path: String, _ action: String) -> FileSystemError {
        .failed(path: path, action: action, errno: Errno(rawValue: Foundation.errno))
    }
}
