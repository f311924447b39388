import Foundation
import Results
import TestSupport
import Testing

@testable import Sweep

/// `Manifest.gitCommit(in:)`: `git rev-parse HEAD`, kept only when it is a full commit hash
/// (called from a thread of its own, as the runner calls it).
struct ManifestGitCommitTests {
    static let git = ExecutableSearch.onPath("git")

    static func git(_ arguments: [String], in folder: URL) throws {
        let outcome = try ChildProcess(executable: try #require(git), arguments: arguments, workingDirectory: folder).run()
        #expect(outcome.succeeded, "git \(arguments): \(outcome.stderr)")
    }

    /// The hash is compared with the one git wrote under `.git/refs/heads/`, read as a file.
    @Test(.enabled(if: git != nil, "git is not on PATH"))
    func theCommitOfTheRepositoryHoldingTheFolder() async throws {
        let scratch = Scratch()
        let repository = scratch.directory
        try Self.git(["init", "-q", "-b", "main"], in: repository)
        try Self.git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "m"], in: repository)
        let head = try String(contentsOf: repository.appendingPathComponent(".git/refs/heads/main"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.count == 40)
        let nested = repository.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(try await onOwnThread { try Manifest.gitCommit(in: nested) } == head)
    }

    /// A folder in no repository, and a repository without a commit (git prints `HEAD`): nil.
    @Test(.enabled(if: git != nil, "git is not on PATH"))
    func noCommitOutsideARepositoryOrBeforeTheFirstCommit() async throws {
        let scratch = Scratch()
        let folder = scratch.directory
        #expect(try await onOwnThread { try Manifest.gitCommit(in: folder) } == nil)
        try Self.git(["init", "-q"], in: folder)
        #expect(try await onOwnThread { try Manifest.gitCommit(in: folder) } == nil)
    }

    /// A staged runner lies outside any checkout: the commit recorded beside it names it; a
    /// record that is not a full hash is ignored.
    @Test(.enabled(if: git != nil, "git is not on PATH"))
    func aStagedRunnersCommitIsTheOneRecordedBesideIt() async throws {
        let scratch = Scratch()
        let runner = scratch.directory.appendingPathComponent("runner")
        try Data("x".utf8).write(to: runner)
        let hash = String(repeating: "ab12", count: 10)
        let record = scratch.directory.appendingPathComponent(Manifest.stagedCommitName)
        try Data((hash + "\n").utf8).write(to: record)
        #expect(try await onOwnThread { try Manifest.commit(ofExecutable: runner) } == hash)
        try Data("ab12\n".utf8).write(to: record)
        #expect(try await onOwnThread { try Manifest.commit(ofExecutable: runner) } == nil)
    }
}
