import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite(.enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct WorkerLifetimeTests {
    /// Starts worker.py (the file the runner compiles in) under a Python parent that holds the
    /// worker's command pipe open in the worker itself too, so that no end of file can reach it:
    /// only `PR_SET_PDEATHSIG` ends it when the parent is killed.
    static let parentScript = #"""
        import json, os, subprocess, sys, time
        # What this parent inherited (Foundation's own descriptors among them) stays out of the worker.
        for fd in os.listdir("/proc/self/fd"):
            try:
                if int(fd) > 2:
                    os.set_inheritable(int(fd), False)
            except OSError:
                pass
        cr, cw = os.pipe()
        rr, rw = os.pipe()
        memory = os.memfd_create("test")
        # Above the targets first, so that no dup2 below overwrites another source.
        high = [os.dup2(source, 20 + i) for i, source in enumerate([memory, rw, cw])]
        def descriptors():
            for target, source in zip([3, 4, 5], high):
                os.dup2(source, target)
        child = subprocess.Popen([sys.executable, sys.argv[1], str(os.getpid())], stdin=cr,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 close_fds=False, preexec_fn=descriptors)
        os.write(cw, (json.dumps({"id": "CartPole-v1", "copies": 1}) + "\n").encode())
        reply = json.loads(os.fdopen(rr, "rb").readline())
        print(reply["pid"] if reply["ok"] else -1, flush=True)
        time.sleep(600)
        """#

    @Test func aWorkerDiesWithItsParentEvenWithoutEndOfFile() throws {
        guard GymnasiumPython.check(), let interpreter = GymnasiumPython.interpreter else { return }
        let worker = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/GymnasiumBridge/worker.py").standardized.path
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: interpreter)
        parent.arguments = ["-c", Self.parentScript, worker]
        let pipe = Pipe()
        parent.standardOutput = pipe
        parent.standardInput = FileHandle.nullDevice
        try parent.run()
        var text = ""
        while !text.contains("\n") {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(pid > 0 && Self.isRunning(pid))
        kill(parent.processIdentifier, SIGKILL)
        parent.waitUntilExit()
        // The kernel sends the signal as the parent exits; give the worker time to go.
        for _ in 0..<100 where Self.isRunning(pid) { usleep(50_000) }
        #expect(!Self.isRunning(pid))
        if Self.isRunning(pid) { kill(pid, SIGKILL) }
    }

    /// Whether `pid` exists and is not a zombie (a reparented worker may wait for its reaper).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[close...].hasPrefix(") Z")
    }
}
