/// The keys of one mapping that a type asked for, to find the ones it did not.
final class KeyTracker {
    let node: Node
    let path: String
    private(set) var asked: [String] = []
    private var askedSet: Set<String> = []
    var caseNames: [String] = []

    init(node: Node, path: String) {
        self.node = node
        self.path = path
    }

    /// Whether the type asked for `key` or names it among its coding keys.
    func isKnown(_ key: String) -> Bool { askedSet.contains(key) || caseNames.contains(key) }

    func ask(_ key: String) {
        if askedSet.insert(key).inserted { asked.append(key) }
    }

    /// Throws at the first key nobody asked for.
    func check() throws(Diagnostic) {
        guard let pairs = node.mapping else { return }
        for pair in pairs where !askedSet.contains(pair.key) {
            var candidates: [String] = []
            for name in asked + caseNames where !candidates.contains(name) { candidates.append(name) }
            var message = "unknown key '\(pair.key)'"
            if let guess = suggestion(for: pair.key, among: candidates) {
                message += "; did you mean '\(guess)'?"
            } else if !candidates.isEmpty {
                message += "; expected one of \(candidates.joined(separator: ", "))"
            }
            var diagnostic = Diagnostic(at: pair.keyMark, path: Diagnostic.join(path, pair.key), message: message)
            diagnostic.unknownKey = pair.key
            throw diagnostic
        }
    }
}

/// The names of a `CaseIterable` coding-key type.
func caseNames<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] {
    K.allCases.map(\.stringValue)
}
