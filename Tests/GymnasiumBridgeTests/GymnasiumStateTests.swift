import Foundation
import GymnasiumBridge
import PolicyGradient
import Testing
import TestSupport

/// The `get_state` and `set_state` commands, and the `list` command answered instead of a start.
@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct GymnasiumStateTests {
    @Test func aStateSetInOneCopyReadsBackExactlyAndStepsAsTheNativePort() throws {
        guard GymnasiumPython.check() else { return }
        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 2, copiesPerWorker: 2)
        _ = try pool.reset(seeds: [1, 2, 3, 4])
        let state = [0.1, -0.25, 0.0312500001, 1e-300]
        try pool.setState(state, ofCopy: 3)
        #expect(try pool.state(ofCopy: 3).map(\.bitPattern) == state.map(\.bitPattern))
        #expect(try pool.state(ofCopy: 2).map(\.bitPattern) != state.map(\.bitPattern))

        let batch = try pool.step(discrete: [0, 0, 0, 1])
        var native = CartPole()
        try native.setState(state)
        var generator = RandomGenerator(seed: 0, stream: .environment)
        let outcome = native.step(discrete: 1, using: &generator)
        #expect(Array(batch.observations[12..<16]) == native.observation().map(Double.init))
        #expect(batch.rewards[3] == outcome.reward)
        #expect(try pool.state(ofCopy: 3).map(\.bitPattern) == native.state.map(\.bitPattern))
    }

    @Test func anEnvironmentWithoutAStateIsNoStateAndClosesThePool() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        let pool = try GymnasiumWorkerFaultTests.faultyPool("Faulty-raise-v0", folder: folder.url)
        _ = try pool.reset(seeds: [0])
        #expect(throws: GymnasiumBridgeError.noState(
            id: "Faulty-raise-v0", message: "Faulty-raise-v0 has no `state` attribute to read")) {
            _ = try pool.state(ofCopy: 0)
        }
        #expect(pool.processIDs.isEmpty)
        #expect(throws: GymnasiumBridgeError.closed) { try pool.setState([0], ofCopy: 0) }
    }

    @Test func theRegistryListsTheIdsTheImportsRegister() throws {
        guard GymnasiumPython.check() else { return }
        let folder = FaultyEnvironments.folder()
        let entries = try GymnasiumRegistry.entries(
            imports: [FaultyEnvironments.module], searchPaths: [folder.url.path])
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
        #expect(entries.contains { $0.id == "Faulty-nan-v0" && $0.entry_point == "\(FaultyEnvironments.module):Counting" })
        #expect(entries.contains {
            $0.id == "CartPole-v1" && $0.entry_point == "gymnasium.envs.classic_control.cartpole:CartPoleEnv"
        })
        do {
            _ = try GymnasiumRegistry.entries(imports: ["runner_no_such_module"])
            Issue.record("a missing import was listed")
        } catch {
            guard case .moduleMissing(let module, _) = error else { throw error }
            #expect(module == "runner_no_such_module")
        }
    }
}
