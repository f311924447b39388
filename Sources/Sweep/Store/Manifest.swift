import Foundation
import Results

/// The contents of `manifest.json`: what ran, where and when.
///
/// Written when the sweep starts (state `running`, no `finished`) and again when it ends
/// (`finished` or `interrupted`); a manifest still `running` is from a killed run.
///
/// A sharded run (`--shard I/N`) writes its own, `shards/I-of-N.json`, with `shard` set, and
/// leaves `manifest.json` to the first shard that starts: state `sharded`, its start, never
/// rewritten, so shards ending at different times never overwrite one another's record.
struct Manifest: Encodable {
    var state = "running"
    var toolVersion: String
    var gitCommit: String?
    var host: String
    var started: String
    var finished: String?
    /// SHA-256 of every job's canonical configuration, concatenated in plan order.
    var configHash: String
    var jobs: Int
    var experiment: String
    /// The command line's `--set KEY=VALUE` arguments, in the order they were applied.
    var overrides: [String] = []
    /// `I/N` in a shard's own manifest; absent otherwise.
    var shard: String?
    /// For each environment stepped in another process, by id, the versions of the software
    /// that steps it (`JobResult.environmentVersions`); absent when there is none.
    var environmentVersions: [String: [String: String]]?

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version"
        case gitCommit = "git_commit"
        case host, started, finished
        case configHash = "config_hash"
        case jobs, experiment, state, overrides, shard
        case environmentVersions = "environment_versions"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(toolVersion, forKey: .toolVersion)
        try c.encode(gitCommit, forKey: .gitCommit)
        try c.encode(host, forKey: .host)
        try c.encode(started, forKey: .started)
        try c.encode(finished, forKey: .finished)
        try c.encode(configHash, forKey: .configHash)
        try c.encode(jobs, forKey: .jobs)
        try c.encode(experiment, forKey: .experiment)
        try c.encode(state, forKey: .state)
        try c.encode(overrides, forKey: .overrides)
        try c.encodeIfPresent(shard, forKey: .shard)
        try c.encodeIfPresent(environmentVersions, forKey: .environmentVersions)
    }

    /// Pretty JSON with sorted keys and a final newline.
    var jsonText: String { PrettyJSON.text(self) }

    /// An ISO 8601 timestamp in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The commit of the runner itself (`commit(ofExecutable:)` of the running executable),
    /// not of the folder the runner was started in. Throws as `gitCommit(in:)`.
    static func runnerCommit(stoppingWhen stopRequested: (@Sendable () -> Bool)? = nil) throws -> String? {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return try commit(ofExecutable: executable, stoppingWhen: stopRequested)
    }

    /// The name, beside a runner staged for cluster tasks, of the file naming the commit it was
    /// built from: the staged copy lies outside any checkout (docs/cluster.md, "Staging: what
    /// the tasks run").
    static let stagedCommitName = "runner.commit"

    /// The commit `executable` (links resolved) was built from: the one recorded beside it
    /// (`stagedCommitName`, a full hash), else that of the git checkout holding it (where
    /// `swift build` puts it); nil for an executable outside a checkout with no record.
    /// Throws as `gitCommit(in:)`.
    static func commit(
        ofExecutable executable: URL, stoppingWhen stopRequested: (@Sendable () -> Bool)? = nil
    ) throws -> String? {
        let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        if let data = try? SafeFiles.contents(of: folder.appendingPathComponent(stagedCommitName)),
            let recorded = Self.fullHash(String(decoding: data, as: UTF8.self))
        {
            return recorded
        }
        return try gitCommit(in: folder, stoppingWhen: stopRequested)
    }

    /// `text` without surrounding white space when it is a 40-digit hexadecimal commit hash.
    static func fullHash(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count == 40 && trimmed.allSatisfy(\.isHexDigit) ? trimmed : nil
    }

    /// `git rev-parse HEAD` in `directory` (default: the current folder), when git is on `PATH`
    /// and the folder is in a repository with a commit; else nil. Throws `ChildProcessError`
    /// when git is there but cannot be started (no memory, no descriptors left), or when
    /// `stopRequested` returns true before it ends.
    static func gitCommit(in directory: URL? = nil, stoppingWhen stopRequested: (@Sendable () -> Bool)? = nil) throws -> String? {
        let git = ChildProcess.onPath("git", arguments: ["rev-parse", "HEAD"], workingDirectory: directory)
        guard let outcome = try git?.run(stoppingWhen: stopRequested), outcome.succeeded else { return nil }
        return fullHash(outcome.stdout)
    }
}
