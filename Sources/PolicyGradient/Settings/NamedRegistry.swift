import Foundation

/// A list of entries known by name, which any thread may read and extend: the built-in
/// entries first, then those registered at run time, in order. A name is registered once, so
/// that an entry an experiment file names cannot change under a running sweep.
///
/// Behind the environment registry and the estimators' list (docs/architecture.md,
/// "Extending the runner").
final class NamedRegistry<Entry: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Entry]
    private let nameOf: @Sendable (Entry) -> String

    init(_ builtIn: [Entry], name: @escaping @Sendable (Entry) -> String) {
        entries = builtIn
        nameOf = name
    }

    /// Every entry, built-in first.
    var all: [Entry] { lock.withLock { entries } }

    /// The entry named `name`, if any.
    func entry(named name: String) -> Entry? {
        lock.withLock { entries.first { nameOf($0) == name } }
    }

    /// Appends `entry` unless its name is taken; returns whether it was added.
    func register(_ entry: Entry) -> Bool {
        lock.withLock {
            guard !entries.contains(where: { nameOf($0) == nameOf(entry) }) else { return false }
            entries.append(entry)
            return true
        }
    }
}
