#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A NULL-terminated array of C strings, as `execve` and `posix_spawn` take `argv`.
package enum CStringArray {
    /// Calls `body` with copies of `strings` that live until it returns. Throws
    /// `ChildProcessError` for `executable` when the copies cannot be allocated.
    package static func with<Result>(
        _ strings: [String], executable: String, _ body: ([UnsafeMutablePointer<CChar>?]) throws -> Result
    ) throws -> Result {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        guard !copies.contains(where: { $0 == nil }) else {
            throw ChildProcessError(executable: executable, reason: String(cString: strerror(ENOMEM)))
        }
        return try body(copies + [nil])
    }
}
