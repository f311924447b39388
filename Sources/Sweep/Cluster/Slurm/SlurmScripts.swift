import Results

/// The two batch scripts of a sweep on SLURM and the `sbatch` command lines that submit them.
///
/// Pure functions of `ClusterSettings`: no file, clock or environment is read, so the text is
/// tested as text. Resource requests are `#SBATCH` lines (values are checked to be single
/// words by `problems`); everything that names a path is on the command line or
/// in the script's body, quoted for the shell, so paths with spaces and quotes work.
package enum SlurmScripts {
    /// Seconds between SIGUSR1 and the time limit: the runner checkpoints every running job,
    /// requeues its task when jobs are left (`run --requeue-on-usr1`) and exits (status 130);
    /// the task starts again and resumes from the checkpoints.
    package static let signalGrace = 60

    /// The array task script: task i runs shard i/N of the jobs, shared by estimated cost,
    /// without the report.
    ///
    /// It runs only staged files: the runner and the experiment copied into the experiment's
    /// `cluster/` folder at submission, so that nodes need no toolchain or checkout and an
    /// edit or a rebuild after submission changes nothing the tasks run. The runner is
    /// `exec`ed so that it is the batch shell SLURM signals (`--signal=B:...`). Its worker
    /// count is the task's CPUs (`SLURM_CPUS_PER_TASK`, 1 when not requested); results do not
    /// depend on it. `--requeue-on-usr1`: SLURM requeues only tasks it stops itself, so a task
    /// warned of its time limit requeues itself.
    package static func arrayScript(_ s: ClusterSettings) -> String {
        let command = [s.stagedRunner, "run", s.stagedExperiment, "--results", s.resultsRoot].map(ShellQuote.word)
        let tail = ["--shard-by", "cost", "--no-report", "--no-progress", "--requeue-on-usr1"]
            + s.overrides.flatMap { ["--set", $0] }
        let shard = "--shard \"${SLURM_ARRAY_TASK_ID}/\(s.tasks)\""
        let jobs = "--jobs \"${SLURM_CPUS_PER_TASK:-1}\""
        return header(s, cpus: s.cpusPerTask, comment: [
            "Array task i of \(s.tasks) runs shard i/\(s.tasks) of the jobs of \(s.experiment) (no report),",
            "the shards balanced by the jobs' estimated cost, with the runner and experiment staged at submission.",
            "SIGUSR1, \(signalGrace) s before the time limit, makes the runner checkpoint and stop,",
            "then requeue this task (scontrol requeue) when jobs of its shard are unfinished;",
            "a requeued task (time limit, preemption) resumes each job from its checkpoint.",
        ]) + "exec " + (command + [shard, jobs] + tail.map(ShellQuote.word)).joined(separator: " ") + "\n"
    }

    /// The report script: `runner report` on the experiment's folder once the array has ended.
    package static func reportScript(_ s: ClusterSettings) -> String {
        header(s, cpus: nil, comment: [
            "Builds the report of \(s.experiment) once every array task has ended (afterany).",
        ]) + "exec " + ShellQuote.line([s.stagedRunner, "report", s.experimentDirectory]) + "\n"
    }

    /// `sbatch` arguments for the array: `--parsable --array=0-(N-1)[%K] --requeue
    /// --signal=B:USR1@grace`, then the output file, opened for appending so that a requeued
    /// task's output keeps what every earlier start printed, the user's `--sbatch-arg`s, the
    /// script.
    package static func arraySubmission(_ s: ClusterSettings, script: String) -> [String] {
        let throttle = s.parallel.map { "%\($0)" } ?? ""
        return ["--parsable", "--array=0-\(s.tasks - 1)\(throttle)", "--requeue",
                "--signal=B:USR1@\(signalGrace)", "--output=\(directory(s))/array-%A_%a.out", "--open-mode=append"]
            + s.extraArguments + [script]
    }

    /// `sbatch` arguments for the report job, run after the array whatever its outcome.
    package static func reportSubmission(_ s: ClusterSettings, arrayJobId: String, script: String) -> [String] {
        ["--parsable", "--dependency=afterany:\(arrayJobId)", "--output=\(directory(s))/report-%j.out"]
            + s.extraArguments + [script]
    }

    /// `resultsRoot/experiment/slurm`: the scripts, their output, `submissions.json`.
    package static func directory(_ s: ClusterSettings) -> String {
        s.experimentDirectory + "/" + ExperimentFolder.slurmName
    }

    /// Why the `#SBATCH` values cannot be written as they are (one word each), or empty.
    package static func problems(_ s: ClusterSettings) -> [String] {
        let values: [(String, String?)] = [("--partition", s.partition), ("--time", s.time), ("--mem", s.memory)]
        return values.compactMap { option, value in
            guard let value else { return nil }
            let bad = value.isEmpty || value.contains { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" }
            return bad ? "\(option) expects one word without spaces or quotes, got '\(value)'" : nil
        }
    }

    private static func header(_ s: ClusterSettings, cpus: Int?, comment: [String]) -> String {
        var lines = ["#!/bin/sh", "#SBATCH --job-name=\(jobName(s.experiment))"]
        if let partition = s.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = s.time { lines.append("#SBATCH --time=\(time)") }
        if let cpus { lines.append("#SBATCH --cpus-per-task=\(cpus)") }
        if let memory = s.memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += comment.map { "# " + $0 }
        // The preamble (--setup), as written: module loads, exports.
        lines += s.setup
        lines.append("cd " + ShellQuote.word(s.stageDirectory) + " || exit 1")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The experiment name with anything but letters, digits, `.`, `_` and `-` made `_`.
    static func jobName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "_" })
        return cleaned.isEmpty ? "runner" : cleaned
    }
}
