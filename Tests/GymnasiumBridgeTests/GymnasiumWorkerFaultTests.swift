import Foundation
import GymnasiumBridge
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A stop condition a test sets.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

@Suite struct PythonInterpreterTests {
    @Test func anExplicitPathComesFirstThenRunnerPythonThenPython3OnPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["python3", "other"] {
            let file = folder.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: file, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        let environment = ["PATH": folder.path, "RUNNER_PYTHON": "other"]
        #expect(try PythonInterpreter.resolve(explicit: "/bin/sh", environment: environment) == "/bin/sh")
        #expect(try PythonInterpreter.resolve(environment: environment) == folder.appendingPathComponent("other").path)
        #expect(try PythonInterpreter.resolve(environment: ["PATH": folder.path]) == folder.appendingPathComponent("python3").path)
        #expect(throws: GymnasiumBridgeError.pythonNotFound("python3 is not on PATH")) {
            try PythonInterpreter.resolve(environment: ["PATH": "/nonexistent"])
        }
    }

    @Test func aMissingInterpreterIsReportedBeforeAnythingStarts() {
        #expect(throws: GymnasiumBridgeError.pythonNotFound("/nonexistent/python3 is not an executable file")) {
            _ = try GymnasiumWorkerPool(
                GymnasiumEnvironmentSpec(id: "CartPole-v1", interpreter: "/nonexistent/python3"), workers: 1, copiesPerWorker: 1)
        }
    }
}

@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct GymnasiumWorkerFaultTests {
    /// Starts a pool on one of the faulty environments of `FaultyEnvironments`.
    static func faultyPool(_ id: String, folder: URL, workers: Int = 1, stop: StopFlag? = nil) throws(GymnasiumBridgeError) -> GymnasiumWorkerPool {
        let spec = GymnasiumEnvironmentSpec(id: id, extraImports: [FaultyEnvironments.module], searchPaths: [folder.path])
        var stopRequested: (@Sendable () -> Bool)?
        if let stop { stopRequested = { stop.isSet } }
        return try GymnasiumWorkerPool(spec, workers: workers, copiesPerWorker: 1, stopRequested: stopRequested)
    }

    @Test func aMissingExtraImportNamesTheModule() {
        guard GymnasiumPython.check() else { return }
        let spec = GymnasiumEnvironmentSpec(id: "CartPole-v1", extraImports: ["runner_no_such_module"])
        do {
            _ = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 1)
            Issue.record("the pool started")
        } catch {
            guard case .moduleMissing(let module, let traceback) = error else { Issue.record("\(error)"); return }
            #expect(module == "runner_no_such_module")
            #expect(traceback.contains("ModuleNotFoundError"))
        }
    }

    @Test func aMissingGymnasiumSaysHowToInstallIt() {
        guard GymnasiumPython.check() else { return }
        // A module that shadows gymnasium and fails as a missing one does.
        let folder = TemporaryFolder()
        folder.write("gymnasium/__init__.py", "raise ModuleNotFoundError(\"No module named 'gymnasium'\", name='gymnasium')\n")
        let spec = GymnasiumEnvironmentSpec(id: "CartPole-v1", searchPaths: [folder.url.path])
        do {
            _ = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 1)
            Issue.record("the pool started")
        } catch {
            guard case .gymnasiumMissing(_, let module) = error else { Issue.record("\(error)"); return }
            #expect(module == "gymnasium")
            #expect(error.description.contains("pip install gymnasium"))
        }
    }

    @Test func anUnknownIdCarriesGymnasiumsSuggestion() {
        guard GymnasiumPython.check() else { return }
        #expect(throws: GymnasiumBridgeError.unknownEnvironment(
            id: "CartPol-v1", message: "Environment `CartPol` doesn't exist. Did you mean: `CartPole`?")) {
            _ = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPol-v1"), workers: 1, copiesPerWorker: 1)
        }
    }

    @Test func aSpaceOtherThanBoxOrDiscreteIsNamed() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        do {
            _ = try Self.faultyPool("Faulty-dict-v0", folder: folder.url)
            Issue.record("the pool started")
        } catch {
            guard case .unsupportedSpace(let role, let message) = error else { Issue.record("\(error)"); return }
            #expect(role == "observation")
            #expect(message.contains("Dict"))
        }
    }

    @Test func anExceptionInStepComesBackWithItsTracebackAndEndsThePool() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        let pool = try Self.faultyPool("Faulty-raise-v0", folder: folder.url, workers: 2)
        let pids = pool.processIDs
        _ = try pool.reset(seeds: [1, 2])
        for _ in 0..<2 { _ = try pool.step(discrete: [0, 1]) }
        do {
            _ = try pool.step(discrete: [0, 1])
            Issue.record("the third step succeeded")
        } catch {
            guard case .environmentRaised(let during, let copy, let message, let traceback) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(during == "step")
            #expect(copy == 1)
            #expect(message.contains("a step that fails on purpose"))
            #expect(traceback.contains("RuntimeError"))
        }
        #expect(pool.processIDs.isEmpty)
        #expect(!pids.contains(where: GymnasiumPython.isAlive))
        #expect(throws: GymnasiumBridgeError.closed) { _ = try pool.step(discrete: [0, 1]) }
    }

    @Test func nanInAnObservationIsReportedAsSuch() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        let pool = try Self.faultyPool("Faulty-nan-v0", folder: folder.url, workers: 2)
        _ = try pool.reset(seeds: [1, 2])
        for _ in 0..<2 { _ = try pool.step(discrete: [0, 1]) }
        #expect(throws: GymnasiumBridgeError.nanObservation(copy: 1, during: "step")) { _ = try pool.step(discrete: [0, 1]) }
    }

    @Test func aWorkerKilledMidRunIsReportedWithItsSignal() throws {
        guard GymnasiumPython.check() else { return }
        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 2, copiesPerWorker: 2)
        let pids = pool.processIDs
        _ = try pool.reset(seeds: [1, 2, 3, 4])
        _ = try pool.step(discrete: [0, 1, 0, 1])
        kill(pids[1], SIGKILL)
        do {
            for _ in 0..<3 { _ = try pool.step(discrete: [0, 1, 0, 1]) }
            Issue.record("stepping went on")
        } catch {
            guard case .workerDied(let pid, let termination, _) = error else { Issue.record("\(error)"); return }
            #expect(pid == pids[1])
            #expect(termination == "signal 9 (SIGKILL)")
        }
        #expect(!pids.contains(where: GymnasiumPython.isAlive))
    }

    @Test func theStopConditionEndsAWaitForAStuckWorker() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        let stop = StopFlag()
        let pool = try Self.faultyPool("Faulty-hang-v0", folder: folder.url, stop: stop)
        let pids = pool.processIDs
        _ = try pool.reset(seeds: [2])
        for _ in 0..<2 { _ = try pool.step(discrete: [0]) }
        stop.set()
        #expect(throws: GymnasiumBridgeError.stopped) { _ = try pool.step(discrete: [0]) }
        #expect(!pids.contains(where: GymnasiumPython.isAlive))
    }

    @Test func noWorkerRemainsAfterCloseOrAfterThePoolIsReleased() throws {
        guard GymnasiumPython.check() else { return }
        let closed = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 2, copiesPerWorker: 1)
        let closedPIDs = closed.processIDs
        #expect(closedPIDs.count == 2 && closedPIDs.allSatisfy(GymnasiumPython.isAlive))
        closed.close()
        #expect(!closedPIDs.contains(where: GymnasiumPython.isAlive))
        #expect(throws: GymnasiumBridgeError.closed) { _ = try closed.reset(seeds: [1, 2]) }

        var releasedPIDs: [pid_t] = []
        do {
            let released = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 2, copiesPerWorker: 1)
            releasedPIDs = released.processIDs
            _ = try released.reset(seeds: [1, 2])
        }
        #expect(releasedPIDs.count == 2)
        #expect(!releasedPIDs.contains(where: GymnasiumPython.isAlive))
    }
}
