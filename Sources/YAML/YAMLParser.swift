import Foundation

/// Parses one YAML document into a `Node` tree with marks.
///
/// The tree is built from libyaml's events with an explicit stack, so a deeply nested file
/// costs heap, not call stack, and the depth limit stops it early.
public enum YAMLParser {
    /// Parses exactly one document from `text`. Throws `Diagnostic`.
    public static func parse(_ text: String, path: String, limits: ParseLimits = .init()) throws -> Node {
        let source = SourceFile(path: path, text: text)
        var builder = TreeBuilder(reader: EventReader(bytes: Array(source.text.utf8), source: source),
                                  source: source, limits: limits)
        return try builder.build()
    }

    /// Parses exactly one document from UTF-8 `bytes` (an optional byte-order mark is skipped).
    /// Invalid UTF-8 is reported at the line and column of the first bad byte.
    public static func parse(bytes: [UInt8], path: String, limits: ParseLimits = .init()) throws -> Node {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let prefix = String(decoding: body[body.startIndex..<bad], as: UTF8.self)
            let source = SourceFile(path: path, text: String(decoding: body, as: UTF8.self))
            let (line, column) = LineCounter.position(after: prefix.unicodeScalars)
            let byte = String(body[bad], radix: 16, uppercase: true)
            throw Diagnostic(at: Mark(source: source, line: line, column: column),
                             message: "the file is not valid UTF-8 (byte 0x\(byte))")
        }
        return try parse(String(decoding: body, as: UTF8.self), path: path, limits: limits)
    }

    /// Reads and parses the file at `path`; `displayPath` (default `path`) is what diagnostics show.
    ///
    /// Only a regular file is read: a FIFO, device or folder is refused before it is opened
    /// (a FIFO without a writer would block the reader forever), and checked again through
    /// the descriptor, opened without blocking.
    public static func parse(fileAt path: String, displayPath: String? = nil, limits: ParseLimits = .init()) throws -> Node {
        let shown = displayPath ?? path
        func failure(_ why: String) -> Diagnostic {
            Diagnostic(at: Mark(source: SourceFile(path: shown, text: ""), line: 1, column: 1), message: "cannot read the file: \(why)")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        if let kind = nonRegularKind(info.st_mode) { throw failure("it is \(kind), not a regular file") }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        if let kind = nonRegularKind(info.st_mode) { throw failure("it is \(kind), not a regular file") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes += chunk[..<n]
        }
        return try parse(bytes: bytes, path: shown, limits: limits)
    }

    /// What a file of mode `mode` is when it is not a regular file; nil for a regular file.
    private static func nonRegularKind(_ mode: mode_t) -> String? {
        let type = mode & S_IFMT
        if type == S_IFREG { return nil }
        return type == S_IFIFO ? "a FIFO" : type == S_IFDIR ? "a folder" : "a device or a socket"
    }

    /// The index of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }
}
