import Foundation
import TestSupport
import Testing
@testable import Results

/// `ChildProcess` against real `/bin/sh -c` children.
struct ChildProcessTests {
    static func sh(_ script: String, in folder: URL? = nil, outputLimit: Int = ChildProcess.defaultOutputLimit)
        -> ChildProcess
    {
        ChildProcess(
            executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script], workingDirectory: folder,
            outputLimit: outputLimit)
    }

    static func shell(_ script: String, in folder: URL? = nil, outputLimit: Int = ChildProcess.defaultOutputLimit) throws
        -> ChildProcessOutcome
    {
        try sh(script, in: folder, outputLimit: outputLimit).run()
    }

    @Test(arguments: [0, 1, 3, 64, 255] as [Int32])
    func theExitStatusIsReturned(_ code: Int32) throws {
        let outcome = try Self.shell("exit \(code)")
        #expect(outcome.termination == .exited(code))
        #expect(outcome.status == code)
        #expect(outcome.succeeded == (code == 0))
    }

    @Test func standardOutputAndErrorAreKeptApart() throws {
        let outcome = try Self.shell("printf 'to out\\n'; printf 'to err' >&2; printf 'more out'; exit 2")
        #expect(outcome == ChildProcessOutcome(termination: .exited(2), stdout: "to out\nmore out", stderr: "to err"))
    }

    /// A child killed by a signal is an outcome with the signal's number, not an error;
    /// `status` is what a shell's `$?` would say.
    @Test(arguments: [(9, "KILL"), (15, "TERM")] as [(Int32, String)])
    func aSignalDeathIsReported(_ number: Int32, _ name: String) throws {
        let outcome = try Self.shell("printf 'before'; kill -\(name) $$; printf 'after'")
        #expect(outcome.termination == .signalled(number))
        #expect(outcome.status == 128 + number && !outcome.succeeded)
        #expect(outcome.stdout == "before")
        #expect(outcome.termination.description == "signal \(number)")
    }

    /// 3 MiB on standard error first, then on standard output: a reader that took the streams
    /// one after the other would leave the child blocked on a full pipe.
    @Test(.timeLimit(.minutes(2)))
    func largeOutputOnBothStreamsIsReadWhole() throws {
        let size = 3 << 20
        let outcome = try Self.shell(
            "head -c \(size) /dev/zero | tr '\\0' e >&2; head -c \(size) /dev/zero | tr '\\0' o; echo done >&2")
        #expect(outcome.termination == .exited(0))
        #expect(outcome.stdout.utf8.count == size && outcome.stdout.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(outcome.stderr.utf8.count == size + 5 && outcome.stderr.hasSuffix("edone\n"))
        #expect(!outcome.stdoutTruncated && !outcome.stderrTruncated)
    }

    /// Past the limit the rest is read and dropped: the child is neither blocked nor killed
    /// by `SIGPIPE`, and its last line still runs.
    @Test(.timeLimit(.minutes(2)))
    func outputPastTheLimitIsDroppedWhileTheChildRunsOn() throws {
        let outcome = try Self.shell(
            "head -c 5000000 /dev/zero | tr '\\0' e >&2; head -c 5000000 /dev/zero | tr '\\0' o; exit 7",
            outputLimit: 1000)
        #expect(outcome.termination == .exited(7))
        #expect(outcome.stdout == String(repeating: "o", count: 1000) && outcome.stdoutTruncated)
        #expect(outcome.stderr == String(repeating: "e", count: 1000) && outcome.stderrTruncated)
        let exact = try Self.shell("printf 12345", outputLimit: 5)
        #expect(exact.stdout == "12345" && !exact.stdoutTruncated)
    }

    @Test func theChildRunsInTheWorkingDirectory() throws {
        let folder = TemporaryFolder()
        let outcome = try Self.shell("pwd -P", in: folder.url)
        #expect(outcome.stdout == folder.url.resolvingSymlinksInPath().path + "\n")
        // Without one, the child inherits the runner's.
        let inherited = try Self.shell("pwd -P")
        #expect(inherited.stdout == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path + "\n")
    }

    @Test func aMissingWorkingDirectoryIsAnError() throws {
        let folder = TemporaryFolder()
        let missing = folder.url.appendingPathComponent("gone")
        #expect(throws: ChildProcessError.self) { try Self.shell("true", in: missing) }
    }

    @Test func standardInputIsDevNull() throws {
        let outcome = try Self.shell("readlink /proc/$$/fd/0; cat")
        #expect(outcome == ChildProcessOutcome(termination: .exited(0), stdout: "/dev/null\n", stderr: ""))
    }

    @Test func aMissingExecutableIsAnErrorNamingIt() throws {
        let folder = TemporaryFolder()
        let missing = folder.url.appendingPathComponent("no-such-tool")
        let error = try #require(throws: ChildProcessError.self) { try ChildProcess(executable: missing).run() }
        #expect(error.executable == missing.path)
        #expect(error.description.hasPrefix("cannot run \(missing.path): "), "\(error)")
        // A file that is there but not executable.
        folder.write("plain", "echo hi\n")
        #expect(throws: ChildProcessError.self) { try ChildProcess(executable: folder.url.appendingPathComponent("plain")).run() }
    }

    @Test func onPathFindsTheCommandAsAShellWould() throws {
        #expect(ChildProcess.onPath("sh", environment: ["PATH": "/nonexistent"]) == nil)
        let found = try #require(ChildProcess.onPath("sh", arguments: ["-c", "echo $0"], environment: ["PATH": "/nonexistent:/bin"]))
        #expect(found.executable.path == "/bin/sh")
        #expect(try found.run().stdout == "/bin/sh\n")
    }

    /// The synchronous `run()` from threads of their own, as the runner's main and worker
    /// threads call it: more callers than the machine has cores, all at once, all answered.
    @Test(.timeLimit(.minutes(2)))
    func synchronousCallersOnTheirOwnThreadsAllFinish() async throws {
        let callers = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<callers {
                group.addTask { try await onOwnThread { try Self.sh("sleep 0.2; echo \(i); exit \(i)").run() }.stdout }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.sorted() == (0..<callers).map { "\($0)\n" }.sorted())
        let failing = try await onOwnThread { try Self.sh("echo no >&2; exit 4").run() }
        #expect(failing == ChildProcessOutcome(termination: .exited(4), stdout: "", stderr: "no\n"))
        await #expect(throws: ChildProcessError.self) {
            try await onOwnThread { try ChildProcess(executable: URL(fileURLWithPath: "/nonexistent/tool")).run() }
        }
    }

    /// The same call from a thread of Swift's cooperative pool (where Swift Testing runs this
    /// test) and from a thread of its own gives the same outcome: nothing in the wait needs
    /// another thread.
    @Test(arguments: [
        "printf 'to out\\n'; printf 'to err' >&2; exit 3",
        "printf before; kill -KILL $$",
        "head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 300000 /dev/zero | tr '\\0' o",
        "pwd -P; readlink /proc/$$/fd/0",
    ])
    func theOutcomeIsTheSameOnAnyThread(_ script: String) async throws {
        let folder = TemporaryFolder()
        let command = Self.sh(script, in: folder.url, outputLimit: 200_000)
        #expect(withUnsafeCurrentTask { $0 != nil })
        let onPool = try command.run()
        #expect(try await onOwnThread { try command.run() } == onPool)
        #expect(onPool.stdoutTruncated == script.hasPrefix("head"))
    }

    /// The child starts with no signal blocked and none ignored, whatever the calling thread
    /// blocks or the runner ignores.
    @Test func theChildStartsWithDefaultSignals() async throws {
        let outcome = try await onOwnThread {
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGUSR1)
            sigaddset(&blocked, SIGTERM)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            return try Self.sh("exec grep -E '^Sig(Blk|Ign)' /proc/self/status").run()
        }
        // Signals 1 to 31; the C library keeps 32 and 33 for itself.
        let masks = outcome.stdout.split(separator: "\n").compactMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        #expect(masks.count == 2 && masks.allSatisfy { $0 & 0x7fff_ffff == 0 }, "\(outcome.stdout)")
    }

    /// The runner's descriptors stay its own: the child holds only 0, 1 and 2 (and 3, the
    /// folder `ls` opens to list them).
    @Test func noDescriptorLeaksIntoTheChild() throws {
        let outcome = try Self.sh("exec ls /proc/self/fd").run()
        #expect(outcome.stdout.split(separator: "\n").sorted() == ["0", "1", "2", "3"], "\(outcome.stdout)")
    }
}
