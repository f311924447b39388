import Testing

@testable import PolicyGradient

/// The trace format of `runner env trace`.
struct EnvironmentTraceTests {
    @Test func headerAndRowFormat() throws {
        let csv = try EnvironmentTrace.csv(MountainCar(), state: [-0.5, 0.0], actions: [[2], [0]])
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "step,action,reward,terminated,truncated,obs_0,obs_1")
        let fields = lines[1].split(separator: ",")
        #expect(fields[0] == "0" && fields[1] == "2" && fields[2] == "-1.0" && fields[3] == "false")
        // Observations print as Float32 values widened to Double, so they read back exactly.
        for field in fields[5...] {
            let value = try #require(Double(field))
            #expect(Double(Float(value)) == value)
        }
        #expect(lines[2].hasPrefix("1,0,-1.0,false,false,"))
    }

    /// Rows stop at the first terminated or truncated step; the limit counts from the state.
    @Test func stopsAtFirstEpisodeEnd() throws {
        let terminated = try EnvironmentTrace.rows(CartPole(), state: [2.39, 1.0, 0, 0], actions: [[1], [1], [1]])
        #expect(terminated.count == 1 && terminated[0].terminated)
        let truncated = try EnvironmentTrace.rows(
            Pendulum(maxEpisodeSteps: 4), state: [0, 0], actions: Array(repeating: [0.5], count: 10))
        #expect(truncated.map(\.truncated) == [false, false, false, true])
        let ranOut = try EnvironmentTrace.rows(Pendulum(), state: [0, 0], actions: [[0.5], [1]])
        #expect(ranOut.count == 2 && !ranOut[1].truncated)
    }

    @Test func tabularTraceUsesStateIndex() throws {
        let mdp = TabularMDP(
            states: 3, actions: 2, initial: [1, 0, 0],
            transitions: [0, 1, 0, /**/ 1, 0, 0, /**/ 0, 0, 1, /**/ 1, 0, 0, /**/ 0, 0, 1, /**/ 0, 0, 1],
            rewards: [0, 0.1, 1, 0, 0, 0], terminal: [false, false, true], horizon: 20)
        let csv = try EnvironmentTrace.csv(TabularEnvironment(mdp: mdp), state: [1], actions: [[1], [0], [0], [0]])
        #expect(csv == """
            step,action,reward,terminated,truncated,obs_0,obs_1,obs_2
            0,1,0.0,false,false,1.0,0.0,0.0
            1,0,0.0,false,false,0.0,1.0,0.0
            2,0,1.0,true,false,0.0,0.0,1.0

            """)
    }

    @Test func rejectsInvalidInput() {
        #expect(throws: EnvironmentError.self) { try EnvironmentTrace.csv(CartPole(), state: [0, 0], actions: [[1]]) }
        #expect(throws: EnvironmentError.self) { try EnvironmentTrace.csv(CartPole(), state: [0, 0, 0, 0], actions: [[2]]) }
        #expect(throws: EnvironmentError.self) {
            try EnvironmentTrace.csv(CartPole(), state: [0, 0, 0, 0], actions: [[0.5]])
        }
        #expect(throws: EnvironmentError.self) {
            try EnvironmentTrace.csv(Pendulum(), state: [0, 0], actions: [[0.5, 1]])
        }
    }
}
