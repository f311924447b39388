import CYAML

/// Owns a libyaml parser over a private copy of the input and hands out its events one by one.
///
/// The parser, the input copy and each event are freed here; no C type leaves this file.
final class EventReader {
    /// A libyaml event, copied into Swift values.
    enum Event {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(anchor: String?, tag: String?, text: String, style: Node.Scalar.Style)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    /// On the heap, at a fixed address for its whole life, as libyaml expects.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let source: SourceFile
    /// Byte offsets where each line starts, for reader errors that only report an offset.
    private let bytes: [UInt8]

    init(bytes: [UInt8], source: SourceFile) {
        self.source = source
        self.bytes = bytes
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event with its start mark; throws the parser's error as a `Diagnostic`.
    func next() throws(Diagnostic) -> (Event, Mark) {
        var event = yaml_event_t()
        // After a failed allocation libyaml answers every call with an empty event and success.
        guard parser.pointee.error != YAML_MEMORY_ERROR, yaml_parser_parse(parser, &event) == 1,
            parser.pointee.error != YAML_MEMORY_ERROR
        else {
            if parser.pointee.error == YAML_MEMORY_ERROR {
                var diagnostic = Diagnostic(
                    at: Mark(source: source, line: 1, column: 1), message: "out of memory: libyaml could not allocate")
                diagnostic.isOutOfMemory = true
                throw diagnostic
            }
            throw parserError()
        }
        defer { yaml_event_delete(&event) }
        let mark = self.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: string(event.data.alias.anchor) ?? ""), mark)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            let style: Node.Scalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            return (.scalar(anchor: string(s.anchor), tag: shortTag(string(s.tag)), text: text, style: style), mark)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return (.sequenceStart(anchor: string(s.anchor), tag: shortTag(string(s.tag))), mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            let s = event.data.mapping_start
            return (.mappingStart(anchor: string(s.anchor), tag: shortTag(string(s.tag))), mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        default:
            throw Diagnostic(at: mark, message: "unexpected parser event")
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// `tag:yaml.org,2002:int` -> `!!int`; other tags unchanged.
    private func shortTag(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private func mark(_ m: yaml_mark_t) -> Mark {
        Mark(source: source, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// The mark of a byte offset, for reader errors (columns count Unicode scalars).
    private func mark(offset: Int) -> Mark {
        let (line, column) = LineCounter.position(ofByte: offset, in: bytes)
        return Mark(source: source, line: line, column: column)
    }

    private func parserError() -> Diagnostic {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.pointee.context.map { String(cString: $0) }
        if parser.pointee.error == YAML_READER_ERROR {
            var message = problem
            if parser.pointee.problem_value != -1 {
                message += " (U+\(String(parser.pointee.problem_value, radix: 16, uppercase: true)))"
            }
            return Diagnostic(at: mark(offset: Int(parser.pointee.problem_offset)), message: message)
        }
        let problemMark = mark(parser.pointee.problem_mark)
        var message = problem
        if let context {
            message += " " + context
            let contextMark = mark(parser.pointee.context_mark)
            if contextMark != problemMark {
                message += " started at line \(contextMark.line), column \(contextMark.column)"
            }
        }
        if !problem.contains("tab"), let line = source.line(problemMark.line) {
            let scalars = Array(line.unicodeScalars)
            if problemMark.column - 1 < scalars.count, scalars[problemMark.column - 1] == "\t" {
                message += "; tabs cannot be used for indentation"
            }
        }
        return Diagnostic(at: problemMark, message: message)
    }
}
