import ArgumentParser
import Foundation
import Results
import Sweep

/// Writes a sweep's batch scripts, submits them with `sbatch`, records and awaits the jobs.
struct SlurmSubmitter {
    struct Scripts {
        var array: URL
        var report: URL
    }

    var settings: SlurmSettings

    var folder: ExperimentFolder { ExperimentFolder(directory: URL(fileURLWithPath: settings.experimentDirectory, isDirectory: true)) }

    var slurmDirectory: URL { folder.slurm }

    /// Writes `slurm/array.sbatch` and `slurm/report.sbatch` atomically (exit 1 when it cannot).
    func writeScripts() throws -> Scripts {
        let scripts = Scripts(
            array: slurmDirectory.appendingPathComponent("array.sbatch"),
            report: slurmDirectory.appendingPathComponent("report.sbatch"))
        do {
            try AtomicFile.write(SlurmScripts.arrayScript(settings), to: scripts.array, durable: true)
            try AtomicFile.write(SlurmScripts.reportScript(settings), to: scripts.report, durable: true)
        } catch {
            Console.error("error: the SLURM scripts could not be written: \(error)")
            throw ExitStatus.failure
        }
        return scripts
    }

    /// Prints both scripts and the `sbatch` commands that would submit them.
    func printDryRun(_ scripts: Scripts) {
        let array = ["sbatch"] + SlurmScripts.arraySubmission(settings, script: scripts.array.path)
        let report = ["sbatch"] + SlurmScripts.reportSubmission(settings, arrayJobId: "<array id>", script: scripts.report.path)
        Console.out("""
            # \(scripts.array.path)
            \(SlurmScripts.arrayScript(settings))
            # \(scripts.report.path)
            \(SlurmScripts.reportScript(settings))
            dry run: nothing submitted; the submission would be
              \(ShellQuote.line(array))
              \(ShellQuote.line(report))
            """)
    }

    /// Submits the array, then the report job; records the ids in `slurm/submissions.json`
    /// and prints them. Exit 1 with sbatch's own message when it refuses either.
    func submit(_ scripts: Scripts) throws -> SlurmSubmission {
        let arrayId = try sbatch(SlurmScripts.arraySubmission(settings, script: scripts.array.path), what: "the array")
        var submission = SlurmSubmission(
            submittedAt: Self.timestamp(Date()), config: settings.config, tasks: settings.tasks,
            parallel: settings.parallel, arrayJobId: arrayId, reportJobId: nil)
        var refusal: Error?
        do {
            submission.reportJobId = try sbatch(
                SlurmScripts.reportSubmission(settings, arrayJobId: arrayId, script: scripts.report.path),
                what: "the report job")
        } catch {
            refusal = error
        }
        try record(submission)
        Console.out("submitted array job \(arrayId) (\(settings.tasks) task\(settings.tasks == 1 ? "" : "s")"
            + (settings.parallel.map { ", at most \($0) at once" } ?? "") + ")")
        if let refusal {
            Console.error("the array runs without its report: run `runner report \(settings.experimentDirectory)` once it has ended")
            throw refusal
        }
        Console.out("submitted report job \(submission.reportJobId!) (after array job \(arrayId))")
        Console.out("records: \(folder.slurmSubmissions.path)")
        return submission
    }

    /// Polls `scontrol show job` until the report job has ended, prints its output and exits
    /// with its status; 1 when an array task ended with a failure although the report passed.
    func wait(for submission: SlurmSubmission) throws {
        guard let reportId = submission.reportJobId else { throw ExitStatus.failure }
        var report: SlurmJobState?
        while true {
            guard let outcome = try SlurmClient.run("scontrol", ["show", "job", "-o", reportId]) else { break }
            let states = SlurmJobState.parse(outcome.stdout)
            if outcome.status != 0 || states.isEmpty { break }
            if states[0].hasEnded { report = states[0]; break }
            sleep(2)
        }
        let output = slurmDirectory.appendingPathComponent("report-\(reportId).out")
        if let data = try? SafeFiles.contents(of: output) { Console.out(String(decoding: data, as: UTF8.self)) }
        guard let report else {
            Console.error("error: SLURM no longer knows report job \(reportId); its output: \(output.path)")
            throw ExitStatus.failure
        }
        let tasks = (try? SlurmClient.run("scontrol", ["show", "job", "-o", submission.arrayJobId]))??.stdout ?? ""
        let failedTasks = SlurmJobState.parse(tasks).filter { $0.state != "COMPLETED" || $0.exitStatus != 0 }.count
        Console.out("report job \(reportId): \(report.state), exit \(report.exitStatus)")
        if report.state != "COMPLETED" || report.exitStatus != 0 {
            throw report.exitStatus != 0 ? ExitCode(report.exitStatus) : ExitStatus.failure
        }
        if failedTasks > 0 {
            Console.error("error: \(failedTasks) array task\(failedTasks == 1 ? "" : "s") of job \(submission.arrayJobId) did not complete; see \(slurmDirectory.path)/array-*.out")
            throw ExitStatus.failure
        }
    }

    /// `sbatch ARGUMENTS`; the job id it prints, or exit 1 with what it said.
    private func sbatch(_ arguments: [String], what: String) throws -> String {
        guard let outcome = try SlurmClient.run("sbatch", arguments) else {
            Console.error("error: sbatch not found on PATH: runner submit slurm needs SLURM's client commands")
            throw ExitStatus.failure
        }
        guard outcome.status == 0, let id = SlurmClient.parsableJobId(outcome.stdout) else {
            let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            Console.error("error: sbatch refused \(what) (exit \(outcome.status))" + (said.isEmpty ? "" : ":\n\(said)"))
            throw ExitStatus.failure
        }
        return id
    }

    /// Appends `submission` to `slurm/submissions.json` (written atomically).
    private func record(_ submission: SlurmSubmission) throws {
        let file = folder.slurmSubmissions
        var all: [SlurmSubmission] = []
        if let data = try? SafeFiles.contents(of: file), let earlier = try? JSONDecoder().decode([SlurmSubmission].self, from: data) {
            all = earlier
        }
        all.append(submission)
        do {
            try AtomicFile.write(PrettyJSON.text(all), to: file, durable: true)
        } catch {
            Console.error("error: submitted array job \(submission.arrayJobId) and report job "
                + "\(submission.reportJobId ?? "-") but could not record them: \(error)")
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
