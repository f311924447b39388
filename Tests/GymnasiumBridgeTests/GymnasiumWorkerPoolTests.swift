import Foundation
import GymnasiumBridge
import PolicyGradient
import Testing
import TestSupport

@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct GymnasiumWorkerPoolTests {
    @Test func cartPoleHandshakeDescribesItsSpacesAndVersions() throws {
        guard GymnasiumPython.check() else { return }
        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 1, copiesPerWorker: 1)
        let handshake = pool.handshake
        // Gymnasium's bounds: twice the thresholds, as float32.
        let position = Double(Float(2 * 2.4)), angle = Double(Float(2 * 12 * 2 * Double.pi / 360))
        #expect(handshake.observationSpace == .box(
            shape: [4], dtype: "float32", low: [-position, -.infinity, -angle, -.infinity],
            high: [position, .infinity, angle, .infinity]))
        #expect(handshake.actionSpace == .discrete(n: 2, start: 0))
        #expect(pool.actionSpace == .discrete(2))
        #expect(pool.observationSize == 4)
        #expect(!handshake.pythonVersion.isEmpty)
        #expect(handshake.packageVersions["gymnasium"]?.isEmpty == false)
        #expect(handshake.packageVersions["numpy"]?.isEmpty == false)
    }

    @Test func pendulumHandshakeGivesAContinuousActionSpace() throws {
        guard GymnasiumPython.check() else { return }
        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "Pendulum-v1"), workers: 1, copiesPerWorker: 1)
        #expect(pool.handshake.observationSpace == .box(
            shape: [3], dtype: "float32", low: [-1, -1, -8], high: [1, 1, 8]))
        #expect(pool.handshake.actionSpace == .box(shape: [1], dtype: "float32", low: [-2], high: [2]))
        #expect(pool.actionSpace == .continuous(dimension: 1, low: [-2], high: [2]))
    }

    /// The actions of the comparison with plain Gymnasium: copy `i` at step `t`.
    static func cartPoleAction(step t: Int, copy i: Int) -> Int { (t / (i + 2)) % 2 }

    @Test func cartPoleThroughTheBridgeMatchesAPlainGymnasiumLoop() throws {
        guard GymnasiumPython.check() else { return }
        let seeds: [UInt64] = [7, 8, 9, 10]
        let steps = 120
        // The truth: each copy in its own gymnasium.make, reset after each episode end, printed
        // with repr (which reads back to the same double).
        let script = """
            import gymnasium as gym
            for i, seed in enumerate(\(seeds)):
                env = gym.make("CartPole-v1")
                obs, _ = env.reset(seed=seed)
                print(0, i, *map(repr, obs.tolist()))
                for t in range(\(steps)):
                    obs, reward, terminated, truncated, _ = env.step((t // (i + 2)) % 2)
                    final = obs
                    if terminated or truncated:
                        obs, _ = env.reset()
                    print(t + 1, i, *map(repr, obs.tolist()), *map(repr, final.tolist()), repr(reward), int(terminated), int(truncated))
            """
        let expected = try #require(GymnasiumPython.run(["-c", script]))
        #expect(expected.status == 0)
        var truth: [String: [Double]] = [:]
        for line in expected.output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            truth["\(fields[0]) \(fields[1])"] = fields.dropFirst(2).map { Double($0)! }
        }

        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "CartPole-v1"), workers: 2, copiesPerWorker: 2)
        var batch = try pool.reset(seeds: seeds)
        for i in 0..<4 { #expect(Array(batch.observations[4 * i..<4 * i + 4]) == truth["0 \(i)"]) }
        var episodes = 0
        for t in 0..<steps {
            batch = try pool.step(discrete: (0..<4).map { Self.cartPoleAction(step: t, copy: $0) })
            for i in 0..<4 {
                let row = try #require(truth["\(t + 1) \(i)"])
                let ended = batch.terminated[i] || batch.truncated[i]
                #expect(Array(batch.observations[4 * i..<4 * i + 4]) == Array(row[0..<4]), "copy \(i), step \(t + 1)")
                #expect(batch.rewards[i] == row[8])
                #expect(batch.terminated[i] == (row[9] == 1))
                #expect(batch.truncated[i] == (row[10] == 1))
                if ended {
                    #expect(Array(batch.finalObservations[4 * i..<4 * i + 4]) == Array(row[4..<8]))
                }
            }
            for episode in batch.finishedEpisodes {
                // Autoreset: the final observation is past a termination threshold, the
                // current one is a fresh start near zero.
                let final = Array(batch.finalObservations[4 * episode.copy..<4 * episode.copy + 4])
                let current = Array(batch.observations[4 * episode.copy..<4 * episode.copy + 4])
                #expect(episode.terminated)
                #expect(abs(final[0]) > 2.4 || abs(final[2]) > 12 * 2 * Double.pi / 360)
                #expect(current.allSatisfy { abs($0) <= 0.05 })
                #expect(episode.episodeReturn == Double(episode.length))
                episodes += 1
            }
        }
        #expect(episodes >= 4)
    }

    @Test func pendulumIsTruncatedAtItsTimeLimitAndActionsAreClipped() throws {
        guard GymnasiumPython.check() else { return }
        let spec = GymnasiumEnvironmentSpec(id: "Pendulum-v1", keywordArguments: ["max_episode_steps": .int(50)])
        let pool = try GymnasiumWorkerPool(spec, workers: 1, copiesPerWorker: 2)
        _ = try pool.reset(seeds: [3, 3])
        for t in 1...50 {
            // Copy 0 asks for a torque beyond the bound of 2, which the worker clips to 2.
            let batch = try pool.step(continuous: [5, 2])
            #expect(batch.observations[0..<3] == batch.observations[3..<6], "step \(t)")
            #expect(batch.rewards[0] == batch.rewards[1])
            #expect(batch.truncated == [t == 50, t == 50])
            #expect(batch.terminated == [false, false])
            if t == 50 {
                #expect(batch.finishedEpisodes.map(\.length) == [50, 50])
                #expect(batch.finishedEpisodes.map(\.terminated) == [false, false])
                #expect(batch.finalObservations[0..<3] != batch.observations[0..<3])
            }
        }
    }

    @Test(.enabled(if: GymnasiumPython.shouldRunMujoco, "needs mujoco"))
    func halfCheetahStepsWithFiniteObservations() throws {
        guard GymnasiumPython.check(GymnasiumPython.mujocoUnavailability) else { return }
        let pool = try GymnasiumWorkerPool(GymnasiumEnvironmentSpec(id: "HalfCheetah-v5"), workers: 1, copiesPerWorker: 2)
        #expect(pool.observationSize == 17)
        #expect(pool.actionSpace == .continuous(dimension: 6, low: Array(repeating: -1, count: 6), high: Array(repeating: 1, count: 6)))
        #expect(pool.handshake.packageVersions["mujoco"] != nil)
        var batch = try pool.reset(seeds: [1, 2])
        for t in 0..<300 {
            let actions = (0..<12).map { sin(Double(t) * 0.1 + Double($0)) * 1.5 }
            batch = try pool.step(continuous: actions)
            #expect(batch.observations.allSatisfy { $0.isFinite })
            #expect(batch.terminated == [false, false])
        }
        #expect(batch.observations[0..<17] != batch.observations[17..<34])
    }
}
