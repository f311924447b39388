import CChildSpawn
import Results

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Python worker process (worker.py): its command and reply pipes, its shared memory, and
/// the end of what it printed.
///
/// The worker's descriptors: 0 reads the commands, 1 and 2 write to the output pipe, 3 is the
/// shared memory, 4 writes the replies.
final class GymnasiumWorker {
    let pid: pid_t
    let interpreter: String
    let memory: SharedMemory
    /// Write end of the command pipe; -1 once closed, which tells the worker to exit.
    private var commands: Int32
    /// Read end of the reply pipe; -1 once closed.
    private(set) var replies: Int32
    /// Read end of the worker's standard output and error; -1 at its end.
    private(set) var output: Int32
    private var replyBytes: [UInt8] = []
    /// What one `read` of the reply pipe takes in, kept to spare an allocation per reply.
    private var readBuffer = [UInt8](repeating: 0, count: 4096)
    private var outputTail: [UInt8] = []
    private var reaped = false

    /// Bytes of the worker's output kept for error messages.
    static let outputKept = 8192

    /// Starts `python -c source <runner pid>` with the worker's descriptors.
    init(interpreter: String, source: String) throws(GymnasiumBridgeError) {
        self.interpreter = interpreter
        memory = try SharedMemory()
        var commandEnds: [Int32] = [-1, -1], replyEnds: [Int32] = [-1, -1], outputEnds: [Int32] = [-1, -1]
        for index in 0..<3 {
            let error = index == 0 ? pg_pipe(&commandEnds) : index == 1 ? pg_pipe(&replyEnds) : pg_pipe(&outputEnds)
            if error != 0 {
                for end in commandEnds + replyEnds + outputEnds where end >= 0 { close(end) }
                throw .system(operation: "create a pipe", reason: String(cString: strerror(error)))
            }
        }
        let childEnds = [commandEnds[0], outputEnds[1], outputEnds[1], memory.descriptor, replyEnds[1]]
        var pid: pid_t = 0
        let arguments = [interpreter, "-c", source, String(getpid())]
        let error = (try? CStringArray.with(arguments, executable: interpreter) { argv in
            pg_spawn_with_descriptors(interpreter, argv, childEnds, Int32(childEnds.count), &pid)
        }) ?? ENOMEM
        for end in [commandEnds[0], outputEnds[1], replyEnds[1]] { close(end) }
        guard error == 0 else {
            for end in [commandEnds[1], outputEnds[0], replyEnds[0]] { close(end) }
            throw .cannotStart(interpreter: interpreter, reason: String(cString: strerror(error)))
        }
        self.pid = pid
        commands = commandEnds[1]
        replies = replyEnds[0]
        output = outputEnds[0]
    }

    deinit { end() }

    /// Writes one command line; a worker that is gone is reported with how it ended.
    func send(_ line: String, stoppingWhen stopRequested: (() -> Bool)?) throws(GymnasiumBridgeError) {
        var bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(commands, $0.baseAddress! + written, $0.count - written) }
            if count >= 0 {
                written += count
            } else if errno != EINTR {
                if errno == EPIPE { throw death(stoppingWhen: stopRequested) }
                throw .system(operation: "write to the Gymnasium worker", reason: String(cString: strerror(errno)))
            }
        }
        bytes.removeAll()
    }

    /// Reads what the reply pipe holds (call when `poll` says it is readable): the reply once
    /// its line is complete, else nil. Throws `workerDied` at the pipe's end.
    func readReply(stoppingWhen stopRequested: (() -> Bool)?) throws(GymnasiumBridgeError) -> String? {
        let count = readBuffer.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { return nil }
            throw .system(operation: "read from the Gymnasium worker", reason: String(cString: strerror(errno)))
        }
        if count == 0 { throw death(stoppingWhen: stopRequested) }
        replyBytes += readBuffer[..<count]
        guard let newline = replyBytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        guard newline == replyBytes.count - 1 else {
            throw .protocolViolation("more than one reply to one command")
        }
        defer { replyBytes.removeAll(keepingCapacity: true) }
        return String(decoding: replyBytes[..<newline], as: UTF8.self)
    }

    /// Reads what the output pipe holds, keeping its last `outputKept` bytes.
    func drainOutput() {
        guard output >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if count > 0 {
            outputTail += buffer[..<count]
            if outputTail.count > Self.outputKept { outputTail.removeFirst(outputTail.count - Self.outputKept) }
        } else if count == 0 || errno != EINTR {
            Self.closeIfOpen(&output)
        }
    }

    /// How the worker ended, once its reply pipe ended or took no more: reaps it (it is on its
    /// way out; the stop condition kills it if it lingers) and reads the rest of its output.
    private func death(stoppingWhen stopRequested: (() -> Bool)?) -> GymnasiumBridgeError {
        var status: Int32 = 0
        while !reaped {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) {
                reaped = true
            } else if stopRequested?() == true {
                kill(pid, SIGKILL)
            } else {
                poll(nil, 0, 10)
            }
        }
        var ready = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        while output >= 0, poll(&ready, 1, 0) > 0 {
            drainOutput()
            ready.fd = output
        }
        let termination = ChildTermination(waitStatus: status)
        var text = termination.description
        if case .signalled(let number) = termination, let name = Self.signalNames[number] { text += " (\(name))" }
        return .workerDied(pid: pid, termination: text, output: String(decoding: outputTail, as: UTF8.self))
    }

    /// Ends the worker: the end of its command pipe asks it to exit; one that has not within
    /// `grace` milliseconds (stuck in an environment), or at once when `grace` is 0, is killed.
    /// Then reaps it and closes every descriptor.
    func end(grace: Int32 = 3000) {
        Self.closeIfOpen(&commands)
        Self.closeIfOpen(&output)
        if grace <= 0, !reaped { kill(pid, SIGKILL) }
        var waited: Int32 = 0
        var status: Int32 = 0
        while !reaped {
            let killed = waited >= grace
            let result = waitpid(pid, &status, killed ? 0 : WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) {
                reaped = true
            } else if !killed {
                poll(nil, 0, 10)
                waited += 10
                if waited >= grace { kill(pid, SIGKILL) }
            }
        }
        Self.closeIfOpen(&replies)
    }

    private static func closeIfOpen(_ descriptor: inout Int32) {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Names of the signals a worker is likely to die of.
    static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGABRT: "SIGABRT",
        SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE",
        SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU",
    ]
}
