import Foundation
import PolicyGradient

/// The `gymnasium` environment backend: any environment `gymnasium.make` builds, stepped in
/// Python worker processes (docs/environments.md, "Gymnasium environments").
///
/// `open` starts one worker with one copy to learn the spaces and versions, and keeps them for
/// the life of the process, so that validating an experiment and building its jobs start Python
/// once per distinct environment.
public struct GymnasiumBackend: EnvironmentBackend {
    public let name = "gymnasium"

    public init() {}

    /// Registers the backend (harmless when it already is).
    public static func register() {
        EnvironmentBackends.register(GymnasiumBackend())
    }

    public func open(_ environment: ExternalEnvironment, maxEpisodeSteps: Int?) throws -> any BatchedEnvironmentFactory {
        let spec = try Self.spec(environment, maxEpisodeSteps: maxEpisodeSteps)
        // The spaces do not depend on the time limit: one handshake serves every limit.
        var unlimited = spec
        unlimited.maxEpisodeSteps = nil
        unlimited.checksStateCopy = true
        var handshake = try Self.handshakes.handshake(for: unlimited)
        if let maxEpisodeSteps { handshake.maxEpisodeSteps = maxEpisodeSteps }
        return GymnasiumCopiesFactory(spec: spec, workers: environment.workers, handshake: handshake)
    }

    /// The worker's specification of `environment`. Throws `EnvironmentBackendError` (key
    /// `kwargs`) when the keyword arguments are not a JSON object.
    static func spec(_ environment: ExternalEnvironment, maxEpisodeSteps: Int?) throws -> GymnasiumEnvironmentSpec {
        guard case .dictionary(let kwargs)? = try? PythonValue(jsonText: environment.keywordArguments) else {
            throw EnvironmentBackendError(key: "kwargs", message: "the keyword arguments must be a mapping")
        }
        return GymnasiumEnvironmentSpec(
            id: environment.id, keywordArguments: kwargs, extraImports: environment.imports,
            searchPaths: environment.searchPaths, interpreter: environment.python, maxEpisodeSteps: maxEpisodeSteps)
    }

    private static let handshakes = HandshakeCache()

    /// The handshakes of the environments opened so far, by specification.
    final class HandshakeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: GymnasiumHandshake] = [:]

        func handshake(for spec: GymnasiumEnvironmentSpec) throws -> GymnasiumHandshake {
            let key = (spec.interpreter ?? "") + "\n" + spec.startCommand(copies: 1)
            if let handshake = lock.withLock({ known[key] }) { return handshake }
            let handshake: GymnasiumHandshake
            do {
                let pool = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 1)
                handshake = pool.handshake
                pool.close()
            } catch {
                throw Self.located(error)
            }
            lock.withLock { known[key] = handshake }
            return handshake
        }

        /// The experiment key each failure to start is about.
        static func located(_ error: GymnasiumBridgeError) -> EnvironmentBackendError {
            let key = switch error {
            case .pythonNotFound, .cannotStart, .gymnasiumMissing: "python"
            case .moduleMissing, .importFailed: "imports"
            case .makeFailed: "kwargs"
            default: "id"
            }
            var message = error.description
            if case .importFailed(_, _, let traceback) = error { message += "\n" + traceback }
            if case .makeFailed(_, let traceback) = error { message += "\n" + traceback }
            return EnvironmentBackendError(key: key, message: message)
        }
    }
}
