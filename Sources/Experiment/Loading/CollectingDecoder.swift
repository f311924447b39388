import YAML

/// Decodes a section of an experiment file and finds every located error in it, not only the
/// first: after an error at a key, the key is left out of the tree and decoding starts again,
/// so that the keys after it are checked too (docs/configuration.md, "Validation").
///
/// It stops at an error it cannot step past: one at a key it already left out (leaving out a
/// required key only makes it missing) or naming one (a rule across keys), or one whose key is
/// not in the tree (a missing required key). Errors come in the order decoding meets them; the loader sorts them into file order.
struct CollectingDecoder {
    /// The most errors one section reports; a file with more is mostly not an experiment file.
    static let maxErrors = 100

    /// What decoding found.
    struct Outcome<T> {
        /// The decoded value once the tree (less the keys left out) decodes; nil if it never did.
        var value: T?
        /// Every error found, in the order met.
        var errors: [Diagnostic]
        /// The value, when it decoded with no error at all.
        var clean: T? { errors.isEmpty ? value : nil }
    }

    /// Decodes `type` from `tree`, leaving out each key that fails and trying again.
    static func decode<T: Decodable>(_ type: T.Type, from tree: Node) -> Outcome<T> {
        var tree = tree
        var errors: [Diagnostic] = []
        var leftOut: Set<[String]> = []
        while errors.count < maxErrors {
            do {
                return Outcome(value: try YAMLDecoder().decode(T.self, from: tree), errors: errors)
            } catch let diagnostic as Diagnostic {
                let key = keyPath(diagnostic.path)
                // An error at a key left out, or one that names it (`non_inferiority needs
                // regression.margin`), is the leaving out's doing, not the file's.
                if leftOut.contains(where: { key.starts(with: $0) || diagnostic.message.contains($0.joined(separator: ".")) }) {
                    break
                }
                errors.append(diagnostic)
                guard !key.isEmpty, tree.has(key) else { break }
                leftOut.insert(key)
                tree = tree.removing([key])
            } catch {
                preconditionFailure("YAMLDecoder throws only Diagnostic: \(error)")
            }
        }
        return Outcome(value: nil, errors: errors)
    }

    /// The mapping keys of a diagnostic's dotted path, up to its first sequence index:
    /// `estimator.gamma` → [estimator, gamma]; `seeds[2]` → [seeds]; the error of an element
    /// leaves out the whole sequence.
    static func keyPath(_ path: String) -> [String] {
        let keys = path.prefix { $0 != "[" }
        return keys.split(separator: ".", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}
