import Foundation

/// Warnings raised while jobs run on worker threads, kept by plan position so that they are
/// told in plan order whatever the number of workers.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var warnings: [(position: Int, text: String)] = []

    /// Warnings that hold only if this runner runs their job, by plan position.
    private var held: [Int: String] = [:]

    func add(_ position: Int, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        warnings.append((position, text))
    }

    /// Keeps `text` until `release(position)`: a warning about a job this runner may yet
    /// find finished by, or left to, another runner.
    func hold(_ position: Int, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        held[position] = text
    }

    /// Adds the warning held for `position`, if any (its job is being run here).
    func release(_ position: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let text = held.removeValue(forKey: position) { warnings.append((position, text)) }
    }

    /// Every warning so far in plan order (a job's own in the order raised); empties the log
    /// and drops the warnings still held.
    func take() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let sorted = warnings.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
        warnings = []
        held = [:]
        return sorted.map(\.element.text)
    }
}
