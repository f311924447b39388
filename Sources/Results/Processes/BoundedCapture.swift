import Subprocess

/// The first bytes of one output stream of a child, read to its end.
struct BoundedCapture: Sendable {
    /// The kept bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    var text: String
    /// Whether the stream had more than the kept bytes.
    var truncated: Bool

    /// Reads `stream` to its end, keeping its first `limit` bytes and dropping the rest.
    ///
    /// Reading on past the limit (rather than closing the pipe) lets the child finish
    /// normally instead of dying of `SIGPIPE` or blocking on a full pipe.
    static func read(_ stream: SubprocessOutputSequence, limit: Int) async throws -> BoundedCapture {
        var kept: [UInt8] = []
        var truncated = false
        for try await buffer in stream {
            let room = limit - kept.count
            if buffer.count > room { truncated = true }
            if room > 0 {
                buffer.withUnsafeBytes { kept.append(contentsOf: $0.prefix(room)) }
            }
        }
        return BoundedCapture(text: String(decoding: kept, as: UTF8.self), truncated: truncated)
    }
}
