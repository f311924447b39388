/// The first bytes of one output stream of a child, and whether more came.
struct BoundedCapture {
    /// Bytes kept at most.
    let limit: Int
    private var kept: [UInt8] = []
    /// Whether the stream had more than the kept bytes.
    private(set) var truncated = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps what fits of `bytes` and drops the rest.
    ///
    /// Reading on past the limit (rather than closing the pipe) lets the child finish
    /// normally instead of dying of `SIGPIPE` or blocking on a full pipe.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = limit - kept.count
        if bytes.count > room { truncated = true }
        if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
    }

    /// The kept bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    var text: String { String(decoding: kept, as: UTF8.self) }
}
