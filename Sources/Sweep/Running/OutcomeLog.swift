import Foundation

/// The results of finished jobs, by plan position.
final class OutcomeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: JobOutcome] = [:]

    func add(_ position: Int, _ result: JobOutcome) {
        lock.lock()
        defer { lock.unlock() }
        results[position] = result
    }

    var all: [Int: JobOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
