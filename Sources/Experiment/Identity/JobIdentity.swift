import YAML

/// The identity of a job: the hash of its canonical configuration (DESIGN section 3).
///
/// The canonical configuration is the fully resolved settings plus the seed, without the
/// settings the job's components ignore, as canonical JSON. Same config, same id, on any machine.
public enum JobIdentity {
    /// Hex digits of the SHA-256 kept in an id.
    public static let idLength = 16

    /// The job's resolved configuration as a tree, ignored settings removed.
    public static func canonicalTree(of config: JobConfig) throws -> Node {
        try YAMLEncoder().encode(config).removing(SettingsRules.ignoredPaths(config.settings))
    }

    /// The id of a canonical text.
    public static func id(ofCanonical canonical: String) -> String {
        String(SHA256.hex(canonical).prefix(idLength))
    }
}
