import ArgumentParser
import Foundation
import Results
import Sweep

/// Writes a sweep's batch scripts, submits them to a cluster, records and awaits the jobs:
/// the part of `submit` that every engine shares, the engine's part in `backend`.
struct ClusterSubmitter {
    struct Scripts {
        var array: URL
        var report: URL
    }

    var backend: any ClusterBackend
    var settings: ClusterSettings

    var folder: ExperimentFolder { ExperimentFolder(directory: URL(fileURLWithPath: settings.experimentDirectory, isDirectory: true)) }

    /// The engine's folder of the experiment (`slurm/` for SLURM).
    var engineFolder: URL { backend.folder(folder) }

    /// Writes the array and report scripts atomically (exit 1 when it cannot).
    func writeScripts() throws -> Scripts {
        let rendered = backend.scripts(settings)
        let scripts = Scripts(
            array: engineFolder.appendingPathComponent(rendered.array.name),
            report: engineFolder.appendingPathComponent(rendered.report.name))
        do {
            try AtomicFile.write(rendered.array.text, to: scripts.array, durable: true)
            try AtomicFile.write(rendered.report.text, to: scripts.report, durable: true)
        } catch {
            Console.error("error: the \(backend.name) scripts could not be written: \(error)")
            throw ExitStatus.failure
        }
        return scripts
    }

    /// Prints both scripts and the commands that would submit them.
    func printDryRun(_ scripts: Scripts) {
        let rendered = backend.scripts(settings)
        let array = backend.arraySubmission(settings, script: scripts.array.path)
        let report = backend.reportSubmission(settings, arrayJobId: "<array id>", script: scripts.report.path)
        Console.out("""
            # \(scripts.array.path)
            \(rendered.array.text)
            # \(scripts.report.path)
            \(rendered.report.text)
            dry run: nothing submitted; the submission would be
              \(ShellQuote.line(array))
              \(ShellQuote.line(report))
            """)
    }

    /// Submits the array, then the report job; records the ids and prints them. Exit 1 with
    /// the engine's own message when it refuses either.
    func submit(_ scripts: Scripts) throws -> ClusterSubmission {
        let arrayId = try submitting(backend.arraySubmission(settings, script: scripts.array.path), what: "the array")
        var submission = ClusterSubmission(
            submittedAt: Self.timestamp(Date()), config: settings.config, tasks: settings.tasks,
            parallel: settings.parallel, arrayJobId: arrayId, reportJobId: nil)
        var refusal: Error?
        do {
            submission.reportJobId = try submitting(
                backend.reportSubmission(settings, arrayJobId: arrayId, script: scripts.report.path),
                what: "the report job")
        } catch {
            refusal = error
        }
        let records: URL
        do {
            records = try backend.record(submission, experiment: folder)
        } catch {
            Console.error("error: submitted array job \(submission.arrayJobId) and report job "
                + "\(submission.reportJobId ?? "-") but could not record them: \(error)")
            throw ExitStatus.failure
        }
        Console.out("submitted array job \(arrayId) (\(settings.tasks) task\(settings.tasks == 1 ? "" : "s")"
            + (settings.parallel.map { ", at most \($0) at once" } ?? "") + ")")
        if let refusal {
            Console.error("the array runs without its report: run `runner report \(settings.experimentDirectory)` once it has ended")
            throw refusal
        }
        Console.out("submitted report job \(submission.reportJobId!) (after array job \(arrayId))")
        Console.out("records: \(records.path)")
        return submission
    }

    /// Polls the report job's state until it has ended, prints its output and exits with its
    /// status; 1 when an array task ended with a failure although the report passed.
    func wait(for submission: ClusterSubmission, pollSeconds: UInt32 = 2) throws {
        guard let reportId = submission.reportJobId else { throw ExitStatus.failure }
        var report: ClusterJobState?
        while true {
            let states = try backend.jobStates(reportId)
            if states.isEmpty { break }
            if states[0].hasEnded { report = states[0]; break }
            sleep(pollSeconds)
        }
        let output = engineFolder.appendingPathComponent(backend.reportOutputName(jobId: reportId))
        if let data = try? SafeFiles.contents(of: output) { Console.out(String(decoding: data, as: UTF8.self)) }
        guard let report else {
            Console.error("error: \(backend.name) no longer knows report job \(reportId); its output: \(output.path)")
            throw ExitStatus.failure
        }
        let tasks = (try? backend.jobStates(submission.arrayJobId)) ?? []
        let failedTasks = tasks.filter { $0.state != "COMPLETED" || $0.exitStatus != 0 }.count
        Console.out("report job \(reportId): \(report.state), exit \(report.exitStatus)")
        if report.state != "COMPLETED" || report.exitStatus != 0 {
            throw report.exitStatus != 0 ? ExitCode(report.exitStatus) : ExitStatus.failure
        }
        if failedTasks > 0 {
            Console.error("error: \(failedTasks) array task\(failedTasks == 1 ? "" : "s") of job \(submission.arrayJobId) did not complete; see \(engineFolder.path)/\(backend.arrayOutputPattern)")
            throw ExitStatus.failure
        }
    }

    /// The id of the job `commandLine` submits, or exit 1 with what the engine said.
    private func submitting(_ commandLine: [String], what: String) throws -> String {
        do {
            return try backend.submit(commandLine, what: what)
        } catch let error as ClusterError {
            Console.error("error: \(error)")
            throw ExitStatus.failure
        }
    }

    /// ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
