/// Builds the node tree of one document from parser events, iteratively.
///
/// Resolves anchors and aliases, applies merge keys, rejects duplicate and non-string keys,
/// and enforces `ParseLimits` (depth, and node count after alias expansion).
struct TreeBuilder {
    /// A finished node with the size facts the limits need.
    private struct Built {
        var node: Node
        /// Nodes in the subtree, keys included, aliases expanded.
        var count: Int
        /// Collection levels in the subtree (a scalar is 0).
        var height: Int
    }

    /// A collection under construction.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        /// The key waiting for its value; `isMerge` for a plain `<<`.
        var pendingKey: (key: String, mark: Mark, isMerge: Bool)?
        var keyMarks: [String: Mark] = [:]
        var mergeKeyMark: Mark?
        /// Mappings merged in, each with the pair index where its `<<` stood.
        var merges: [(position: Int, pairs: [Node.Pair])] = []
        var count = 1
        var height = 1
    }

    private let reader: EventReader
    private let source: SourceFile
    private let limits: ParseLimits
    private var stack: [Frame] = []
    private var anchors: [String: Built] = [:]
    private var totalNodes = 0
    private var root: Node?

    init(reader: EventReader, source: SourceFile, limits: ParseLimits) {
        self.reader = reader
        self.source = source
        self.limits = limits
    }

    /// Reads the whole stream and returns its single document's root node.
    mutating func build() throws(Diagnostic) -> Node {
        var documents = 0
        var documentMark = Mark(source: source, line: 1, column: 1)
        while true {
            let (event, mark) = try reader.next()
            switch event {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                guard let root else {
                    throw Diagnostic(at: Mark(source: source, line: 1, column: 1), message: "the file is empty")
                }
                if case .scalar(let s) = root.value, s.style == .plain, s.tag == nil, s.text.isEmpty {
                    throw Diagnostic(at: documentMark, message: "the file is empty")
                }
                return root
            case .documentStart:
                documents += 1
                if documents > 1 {
                    throw Diagnostic(at: mark, message: "a file holds one document; found a second one here")
                }
                documentMark = mark
            case .alias(let name):
                guard let target = anchors[name] else {
                    throw Diagnostic(at: mark, message: "undefined alias '\(name)'")
                }
                if totalNodes + target.count > limits.maxNodes {
                    throw Diagnostic(at: mark, message: "alias expansion exceeds \(limits.maxNodes) nodes")
                }
                if stack.count + target.height > limits.maxDepth {
                    throw Diagnostic(at: mark, message: "nesting deeper than \(limits.maxDepth) levels")
                }
                totalNodes += target.count
                var node = target.node
                // The alias stands where it is written; its content keeps the anchor's marks.
                node.mark = mark
                try attach(Built(node: node, count: target.count, height: target.height), anchor: nil)
            case .scalar(let anchor, let tag, let text, let style):
                try countNode(at: mark)
                let scalar = Node.Scalar(text: text, style: style, tag: tag)
                do {
                    _ = try CoreSchema.resolve(scalar)
                } catch {
                    throw Diagnostic(at: mark, message: error.message)
                }
                try attach(Built(node: Node(.scalar(scalar), mark: mark), count: 1, height: 0), anchor: anchor)
            case .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
                let isMapping: Bool
                if case .mappingStart = event { isMapping = true } else { isMapping = false }
                let kind = isMapping ? "!!map" : "!!seq"
                if let tag, tag != kind, tag != "!" {
                    throw Diagnostic(at: mark, message: "unsupported tag '\(tag)' on a \(isMapping ? "mapping" : "sequence")")
                }
                if let parent = stack.last, parent.isMapping, parent.pendingKey == nil {
                    throw Diagnostic(at: mark, message: "keys must be strings; found \(isMapping ? "a mapping" : "a sequence")")
                }
                if stack.count >= limits.maxDepth {
                    throw Diagnostic(at: mark, message: "nesting deeper than \(limits.maxDepth) levels")
                }
                try countNode(at: mark)
                stack.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor))
            case .sequenceEnd:
                let frame = stack.removeLast()
                try attach(Built(node: Node(.sequence(frame.items), mark: frame.mark),
                                 count: frame.count, height: frame.height), anchor: frame.anchor)
            case .mappingEnd:
                let frame = stack.removeLast()
                try attach(Built(node: Node(.mapping(Self.merged(frame)), mark: frame.mark),
                                 count: frame.count, height: frame.height), anchor: frame.anchor)
            }
        }
    }

    private mutating func countNode(at mark: Mark) throws(Diagnostic) {
        totalNodes += 1
        if totalNodes > limits.maxNodes {
            throw Diagnostic(at: mark, message: "the document exceeds \(limits.maxNodes) nodes")
        }
    }

    /// Hands a finished node to its parent (or makes it the root) and records its anchor.
    private mutating func attach(_ built: Built, anchor: String?) throws(Diagnostic) {
        if let anchor { anchors[anchor] = built }
        guard !stack.isEmpty else {
            root = built.node
            return
        }
        let index = stack.count - 1
        stack[index].count += built.count
        stack[index].height = max(stack[index].height, built.height + 1)
        guard stack[index].isMapping else {
            stack[index].items.append(built.node)
            return
        }
        guard let pending = stack[index].pendingKey else {
            try acceptKey(built.node, frame: index)
            return
        }
        stack[index].pendingKey = nil
        if pending.isMerge {
            try merge(built.node, frame: index)
        } else {
            stack[index].pairs.append(Node.Pair(key: pending.key, keyMark: pending.mark, value: built.node))
        }
    }

    private mutating func acceptKey(_ node: Node, frame index: Int) throws(Diagnostic) {
        guard case .scalar(let scalar) = node.value else {
            throw Diagnostic(at: node.mark, message: "keys must be strings; found \(node.kindDescription)")
        }
        if scalar.style == .plain, scalar.tag == nil, scalar.text == "<<" {
            if let first = stack[index].mergeKeyMark {
                throw Diagnostic(at: node.mark, message: "duplicate key '<<' (first at line \(first.line))")
            }
            stack[index].mergeKeyMark = node.mark
            stack[index].pendingKey = ("<<", node.mark, true)
            return
        }
        guard case .string(let key)? = node.resolved else {
            throw Diagnostic(at: node.mark, message:
                "keys must be strings; found \(node.kindDescription) (quote it to use it as a string)")
        }
        if let first = stack[index].keyMarks[key] {
            throw Diagnostic(at: node.mark, message: "duplicate key '\(key)' (first at line \(first.line))")
        }
        stack[index].keyMarks[key] = node.mark
        stack[index].pendingKey = (key, node.mark, false)
    }

    /// Records the mapping(s) a `<<` key brings in.
    private mutating func merge(_ value: Node, frame index: Int) throws(Diagnostic) {
        let position = stack[index].pairs.count
        switch value.value {
        case .mapping(let pairs):
            stack[index].merges.append((position, pairs))
        case .sequence(let items):
            for item in items {
                guard case .mapping(let pairs) = item.value else {
                    throw Diagnostic(at: item.mark, message:
                        "a merge key '<<' takes a mapping or a list of mappings; found \(item.kindDescription) in the list")
                }
                stack[index].merges.append((position, pairs))
            }
        case .scalar:
            throw Diagnostic(at: value.mark, message:
                "a merge key '<<' takes a mapping or a list of mappings; found \(value.kindDescription)")
        }
    }

    /// The pairs of a finished mapping with its merges applied: local keys win, then earlier merges.
    private static func merged(_ frame: Frame) -> [Node.Pair] {
        guard !frame.merges.isEmpty else { return frame.pairs }
        var seen = Set(frame.keyMarks.keys)
        var result: [Node.Pair] = []
        var mergeIndex = 0
        for position in 0...frame.pairs.count {
            while mergeIndex < frame.merges.count, frame.merges[mergeIndex].position == position {
                for pair in frame.merges[mergeIndex].pairs where !seen.contains(pair.key) {
                    seen.insert(pair.key)
                    result.append(pair)
                }
                mergeIndex += 1
            }
            if position < frame.pairs.count { result.append(frame.pairs[position]) }
        }
        return result
    }
}
