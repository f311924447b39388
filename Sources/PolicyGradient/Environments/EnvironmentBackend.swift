/// A way to step environments that live outside this process (docs/architecture.md,
/// "Extending the runner"): given an `ExternalEnvironment`, it checks that the environment
/// exists and describes it, and makes batches of its copies.
public protocol EnvironmentBackend: Sendable {
    /// The name experiment files give as `environment.backend`.
    var name: String { get }

    /// Checks `environment` with the time limit (nil: the environment's own) and returns the
    /// factory of its copies. May start the environment once to read its spaces (a backend
    /// keeps what it learned, so a second call is cheap). Throws `EnvironmentBackendError`.
    func open(_ environment: ExternalEnvironment, maxEpisodeSteps: Int?) throws -> any BatchedEnvironmentFactory
}

/// Makes batches of one external environment's copies, all of the same spaces.
public protocol BatchedEnvironmentFactory: Sendable {
    associatedtype Copies: BatchedEnvironment
    /// Observation length of one copy (a Box flattened).
    var observationSize: Int { get }
    var actionSpace: ActionSpace { get }
    /// The time limit the environment has unless one is given; nil: none.
    var defaultMaxEpisodeSteps: Int? { get }
    /// Whether the copies' states can be saved and restored (checkpoints, a replayable final
    /// evaluation, the variance meter's `start: continue`).
    var canCopyStates: Bool { get }
    /// The software that runs the environment, by name (e.g. `python`, `gymnasium`, `numpy`,
    /// `mujoco`), recorded in `manifest.json` and each job's `result.json`.
    var versions: [String: String] { get }
    /// `numEnvs` copies whose randomness comes from `seed`'s `stream` (copy i's reset seed is the
    /// first draw of `RandomGenerator(seed:stream:index: i)`), reset. Copies that cannot be made
    /// come back with their `fault` set. While waiting for the other process, the copies ask
    /// `stopRequested` now and then, and when it says yes they give up with the fault `stopped`.
    func makeCopies(numEnvs: Int, seed: UInt64, stream: RandomStream, stopRequested: @escaping () -> Bool) -> Copies
}

/// Why an external environment cannot be used, with the `environment` key at fault.
public struct EnvironmentBackendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key under `environment:` the message is about (`id`, `python`, `kwargs`, ...).
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { message }
}

/// The environment backends the runner knows, by name. None is built in: a program that can
/// step external environments registers its backends when it starts (the runner registers
/// `gymnasium`).
public enum EnvironmentBackends {
    private static let store = NamedRegistry<any EnvironmentBackend>([], name: { $0.name })

    /// The registered backends' names, in registration order.
    public static var names: [String] { store.all.map(\.name) }

    /// The backend named `name`, or nil.
    public static func backend(named name: String) -> (any EnvironmentBackend)? {
        store.entry(named: name)
    }

    /// Adds `backend` unless its name is taken; returns whether it was added (registering the
    /// same backend twice is harmless).
    @discardableResult
    public static func register(_ backend: any EnvironmentBackend) -> Bool {
        store.register(backend)
    }

    /// The factory of `environment`'s copies through its backend. Throws
    /// `EnvironmentBackendError` (key `backend` when no backend has that name).
    public static func open(_ environment: ExternalEnvironment, maxEpisodeSteps: Int?) throws
        -> any BatchedEnvironmentFactory
    {
        guard let backend = backend(named: environment.backend) else {
            let known = names.isEmpty ? "none is available" : "available: " + names.joined(separator: ", ")
            throw EnvironmentBackendError(
                key: "backend", message: "no environment backend named '\(environment.backend)' (\(known))")
        }
        return try backend.open(environment, maxEpisodeSteps: maxEpisodeSteps)
    }
}
