import Foundation

/// Warnings raised while jobs run on worker threads, kept by plan position so that they are
/// told in plan order whatever the number of workers.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var warnings: [(position: Int, text: String)] = []

    func add(_ position: Int, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        warnings.append((position, text))
    }

    /// Every warning so far in plan order (a job's own in the order raised); empties the log.
    func take() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let sorted = warnings.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
        warnings = []
        return sorted.map(\.element.text)
    }
}
