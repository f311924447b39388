import Foundation
import Results

@testable import Sweep

/// A cluster engine that runs nothing: it records every call and answers from a script, so
/// that the tests drive `submit`, `status` and `run --requeue-on-usr1` through the protocol
/// the way the commands do, and check what they asked.
final class FakeClusterBackend: ClusterBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var _calls: [String] = []
    private var _records: [ClusterSubmission] = []

    /// Ids `submit` hands out in turn; an entry that is nil refuses that submission.
    var submitIds: [String?] = ["100", "101"]
    /// States `jobStates` answers per job id, in turn; the last one is repeated.
    var states: [String: [[ClusterJobState]]] = [:]
    /// The ids `recordedJobIds` answers, when not the ones recorded so far.
    var recorded: [String]??
    var queueAnswer = ClusterQueueReport(entries: [.init(id: "100_[0-3]", state: "PENDING")])
    var refusesCancel = false
    var refusesRequeue = false

    /// Every call, one line each (`submit fake-submit array ...`, `requeue 100_2`).
    var calls: [String] { lock.withLock { _calls } }
    /// What `record` received.
    var records: [ClusterSubmission] { lock.withLock { _records } }

    private func log(_ call: String) { lock.withLock { _calls.append(call) } }

    var name: String { "FAKE" }

    func unavailable() -> String? { nil }
    func maxArraySize() -> Int? { 8 }
    func problems(_ settings: ClusterSettings) -> [String] { settings.partition == "bad" ? ["bad partition"] : [] }
    func folder(_ experiment: ExperimentFolder) -> URL { experiment.directory.appendingPathComponent("fake") }

    func scripts(_ settings: ClusterSettings) -> (array: ClusterScript, report: ClusterScript) {
        (ClusterScript(name: "array.job", text: "array of \(settings.tasks) for \(settings.experiment)\n"),
         ClusterScript(name: "report.job", text: "report of \(settings.experiment)\n"))
    }

    func arraySubmission(_ settings: ClusterSettings, script: String) -> [String] {
        ["fake-submit", "array", "\(settings.tasks)", script]
    }

    func reportSubmission(_ settings: ClusterSettings, arrayJobId: String, script: String) -> [String] {
        ["fake-submit", "report", "after=\(arrayJobId)", script]
    }

    func submit(_ commandLine: [String], what: String) throws -> String {
        log("submit " + commandLine.joined(separator: " "))
        let next: String? = lock.withLock { submitIds.isEmpty ? nil : submitIds.removeFirst() }
        guard let next else { throw ClusterError("fake-submit refused \(what)") }
        return next
    }

    func record(_ submission: ClusterSubmission, experiment: ExperimentFolder) throws -> URL {
        log("record \(submission.arrayJobId) \(submission.reportJobId ?? "-")")
        lock.withLock { _records.append(submission) }
        return folder(experiment).appendingPathComponent("records")
    }

    func reportOutputName(jobId: String) -> String { "report-\(jobId).log" }
    var arrayOutputPattern: String { "array-*.log" }

    func recordedJobIds(experiment: ExperimentFolder) -> [String]? {
        log("recorded")
        if let recorded { return recorded }
        let ids = records.flatMap(\.jobIds)
        return ids.isEmpty ? nil : ids
    }

    func jobStates(_ id: String) throws -> [ClusterJobState] {
        log("states \(id)")
        return lock.withLock {
            guard var answers = states[id], !answers.isEmpty else { return [] }
            let first = answers.count > 1 ? answers.removeFirst() : answers[0]
            states[id] = answers
            return first
        }
    }

    func queue(_ ids: [String]) -> ClusterQueueReport {
        log("queue " + ids.joined(separator: ","))
        return queueAnswer
    }

    func cancel(_ ids: [String]) throws {
        log("cancel " + ids.joined(separator: " "))
        if refusesCancel { throw ClusterError("fake-cancel refused \(ids.joined(separator: " "))") }
    }

    func currentTask(_ environment: [String: String]) -> String? { environment["FAKE_TASK"] }
    var notATask: String { "FAKE_TASK is not set" }
    func requeueCommand(task: String) -> String { "fake-requeue \(task)" }

    func requeue(task: String) throws {
        log("requeue \(task)")
        if refusesRequeue { throw ClusterError("fake-requeue \(task) refused") }
    }
}
