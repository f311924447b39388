import Foundation
import TestSupport
import Testing

/// `runner env trace` reproduces Gymnasium's committed reference traces.
@Suite struct EnvTraceBinaryTests {
    /// One reference segment: the command's inputs and Gymnasium's CSV rows.
    struct Segment {
        var maxEpisodeSteps: String
        var state: String
        var actions: String
        var rows: [[String]]
    }

    static func segments(_ id: String) throws -> [Segment] {
        let url = BinaryRunner.repositoryRoot
            .appendingPathComponent("Tests/PolicyGradientTests/Fixtures/gymnasium/\(id).csv")
        var segments: [Segment] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("# segment") {
                segments.append(Segment(maxEpisodeSteps: "", state: "", actions: "", rows: []))
            } else if line.hasPrefix("# max_episode_steps: ") {
                segments[segments.count - 1].maxEpisodeSteps = String(line.dropFirst(21))
            } else if line.hasPrefix("# state: ") {
                segments[segments.count - 1].state = String(line.dropFirst(9))
            } else if line.hasPrefix("# actions: ") {
                segments[segments.count - 1].actions = line.dropFirst(11).replacingOccurrences(of: ";", with: ",")
            } else if !line.hasPrefix("#") && !line.hasPrefix("step"), !segments.isEmpty {
                segments[segments.count - 1].rows.append(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            }
        }
        return segments
    }

    @Test(arguments: ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1"])
    func traceMatchesGymnasium(id: String) throws {
        let segments = try Self.segments(id)
        #expect(segments.count >= 20)
        // Every fourth segment through the binary; the library test covers all of them.
        for (index, segment) in segments.enumerated() where index % 4 == 0 {
            let outcome = try BinaryRunner.run([
                "env", "trace", id, "--state", segment.state, "--actions", segment.actions,
                "--max-episode-steps", segment.maxEpisodeSteps,
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let rows = outcome.stdout.split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.count == segment.rows.count, "\(id) segment \(index)")
            for (ours, theirs) in zip(rows, segment.rows) {
                // step, action, terminated and truncated exactly.
                #expect(ours[0] == theirs[0] && ours[3] == theirs[3] && ours[4] == theirs[4], "\(id) \(index): \(ours) vs \(theirs)")
                #expect(Double(ours[1]) == Double(theirs[1]))
                // Rewards (float64) and observations (float32) bit for bit, as the library's parity test.
                let (r, g) = (Double(ours[2])!, Double(theirs[2])!)
                #expect(r.bitPattern == g.bitPattern, "\(id) \(index): reward \(r) vs \(g)")
                for (x, y) in zip(ours.dropFirst(5), theirs.dropFirst(5)) {
                    let (a, b) = (Float(x)!, Float(y)!)
                    #expect(a.bitPattern == b.bitPattern, "\(id) \(index): \(a) vs \(b)")
                }
            }
        }
    }

    @Test func listShowAndErrors() throws {
        let list = try BinaryRunner.run(["env", "list"])
        #expect(list.status == 0)
        for id in ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1", "Chain", "Bandit", "RandomMDP", "Tabular"] {
            #expect(list.stdout.contains(id))
        }
        let show = try BinaryRunner.run(["env", "show", "Acrobot-v1"])
        #expect(show.stdout.contains("theta1, theta2, dtheta1, dtheta2"))
        // `env show` prints the params schema: kind, default or "required", rule and meaning.
        let chain = try BinaryRunner.run(["env", "show", "Chain"])
        #expect(chain.stdout.contains("\n  slip: float, default 0.2, in [0, 1]: probability that the other action's effect happens\n"))
        let bandit = try BinaryRunner.run(["env", "show", "Bandit"])
        #expect(bandit.stdout.contains("\n  means: list of float, required, ≥ 2 arms: mean reward of each arm\n"))
        let unknown = try BinaryRunner.run(["env", "show", "CartPole-v2"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'CartPole-v1'?"))
        let badAction = try BinaryRunner.run(["env", "trace", "CartPole-v1", "--state", "0,0,0,0", "--actions", "0,2"])
        #expect(badAction.status == 64)
    }

    @Test func tabularTraceUsesTheExperimentsParams() throws {
        let dir = TemporaryFolder()
        let config = dir.write("t.yaml", """
            experiment: t
            environment:
              id: Tabular
              max_episode_steps: 3
              params:
                states: 2
                actions: 1
                initial: [1.0, 0.0]
                transitions: [[[0.0, 1.0]], [[1.0, 0.0]]]
                rewards: [[1.0], [-1.0]]
            estimator: {name: reinforce}
            policy: {architecture: tabular}
            training: {steps: 100}
            """)
        let outcome = try BinaryRunner.run(["env", "trace", "Tabular", "--config", config, "--state", "0", "--actions", "0,0,0,0"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // A deterministic two-state cycle: rewards +1, -1, +1, truncated at the horizon of 3.
        #expect(outcome.stdout == """
            step,action,reward,terminated,truncated,obs_0,obs_1
            0,0,1.0,false,false,0.0,1.0
            1,0,-1.0,false,false,1.0,0.0
            2,0,1.0,false,true,0.0,1.0

            """)
    }
}
