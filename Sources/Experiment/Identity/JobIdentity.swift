import YAML

/// The identity of a job: the hash of its canonical configuration (docs/architecture.md, "Jobs and identity").
///
/// The canonical configuration is the cell's fully resolved settings, without the settings
/// the job's components ignore, plus the seed, as canonical JSON. Same config, same id, on
/// any machine. The settings part is computed once per cell and shared by its seeds.
public struct JobIdentity: Sendable {
    /// Hex digits of the SHA-256 kept in an id.
    public static let idLength = 16

    /// The cell's settings as a tree, ignored settings removed.
    private let settingsTree: Node
    /// The canonical text of each top-level setting: computed once, shared by the cell's seeds.
    private let entries: [(key: String, text: String)]

    /// The identity of the jobs of a cell with `settings`.
    public init(settings: JobSettings) throws {
        settingsTree = try YAMLEncoder().encode(settings).removing(SettingsRules.ignoredPaths(settings))
        entries = (settingsTree.mapping ?? []).map { ($0.key, CanonicalForm.text($0.value)) }
    }

    /// The job with `seed`: its canonical tree (for `config.yaml`), canonical text and id.
    public func job(seed: Int) -> (tree: Node, canonical: String, id: String) {
        let tree = Node(.mapping((settingsTree.mapping ?? []) + [Node.Pair(key: "seed", value: .int(seed))]))
        let canonical = CanonicalForm.mapping(entries + [(key: "seed", text: String(seed))])
        return (tree, canonical, Self.id(ofCanonical: canonical))
    }

    /// The id of a canonical text.
    public static func id(ofCanonical canonical: String) -> String {
        String(SHA256.hex(canonical).prefix(idLength))
    }
}
