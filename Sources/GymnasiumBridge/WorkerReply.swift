import Foundation

/// One reply line of a worker, as worker.py writes it: `{"ok": true, ...}` or a failure with
/// its `kind`.
struct WorkerReply: Decodable {
    struct Space: Decodable {
        var type: String
        var n: Int?
        var start: Int?
        var shape: [Int]?
        var dtype: String?
        /// Bounds as Python's `repr` of each double (`inf`, `-inf` included).
        var low: [String]?
        var high: [String]?
    }

    var ok: Bool
    var kind: String?
    var message: String?
    var module: String?
    var traceback: String?
    var during: String?
    var copy: Int?
    var role: String?
    var python: String?
    var packages: [String: String]?
    var max_episode_steps: Int?
    var state_copy: Bool?
    /// The copies' states of a `save_copies` reply, base64 text.
    var states: [String]?
    var observation_space: Space?
    var action_space: Space?
    var memory_bytes: Int?
    /// `get_state`'s answer: `env.unwrapped.state` flattened, each double as Python's `repr`.
    var state: [String]?
    /// The answer to a first `list` command.
    var gymnasium: String?
    var environments: [GymnasiumRegistry.Entry]?

    /// The plain success reply, byte for byte as worker.py writes it to every step, and its
    /// value, so that the step's answer needs no JSON decoding.
    static let successLine = #"{"ok":true}"#
    static let success = WorkerReply(ok: true)

    static func decode(_ line: String) throws(GymnasiumBridgeError) -> WorkerReply {
        do {
            return try JSONDecoder().decode(WorkerReply.self, from: Data(line.utf8))
        } catch {
            throw .protocolViolation("unreadable reply \(line.prefix(200))")
        }
    }

    /// The error a failure reply reports; `firstCopy` turns the worker's copy index into the pool's.
    func failure(spec: GymnasiumEnvironmentSpec, interpreter: String, firstCopy: Int) -> GymnasiumBridgeError {
        let text = message ?? "", trace = traceback ?? ""
        switch kind {
        case "missing_module" where module == "gymnasium" || module == "numpy":
            return .gymnasiumMissing(interpreter: interpreter, module: module ?? "gymnasium")
        case "missing_module": return .moduleMissing(module: module ?? "?", traceback: trace)
        case "import_failed": return .importFailed(module: module ?? "?", message: text, traceback: trace)
        case "unknown_environment": return .unknownEnvironment(id: spec.id, message: text)
        case "unsupported_space": return .unsupportedSpace(role: role ?? "?", message: text)
        case "make_failed": return .makeFailed(message: text, traceback: trace)
        case "no_state": return .noState(id: spec.id, message: text)
        case "raised":
            return .environmentRaised(
                during: during ?? "?", copy: firstCopy + (copy ?? 0), message: text, traceback: trace)
        default: return .protocolViolation(text.isEmpty ? "failure of kind \(kind ?? "none")" : text)
        }
    }

    /// The handshake of a successful first reply.
    func handshake() throws(GymnasiumBridgeError) -> (GymnasiumHandshake, memoryBytes: Int) {
        guard let python, let packages, let observation_space, let action_space, let memory_bytes else {
            throw .protocolViolation("a handshake without its spaces, versions or memory size")
        }
        var handshake = GymnasiumHandshake(
            pythonVersion: python, packageVersions: packages, maxEpisodeSteps: max_episode_steps,
            observationSpace: try Self.space(observation_space), actionSpace: try Self.space(action_space))
        handshake.stateCopy = state_copy
        return (handshake, memory_bytes)
    }

    private static func space(_ reply: Space) throws(GymnasiumBridgeError) -> GymnasiumSpace {
        switch reply.type {
        case "Discrete":
            if let n = reply.n { return .discrete(n: n, start: reply.start ?? 0) }
        case "Box":
            if let shape = reply.shape, let dtype = reply.dtype, let low = reply.low?.compactMap(Double.init),
                let high = reply.high?.compactMap(Double.init), low.count == shape.reduce(1, *), high.count == low.count
            {
                return .box(shape: shape, dtype: dtype, low: low, high: high)
            }
        default: break
        }
        throw .protocolViolation("an unreadable \(reply.type) space")
    }
}
