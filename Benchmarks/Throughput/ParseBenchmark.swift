import Benchmark
import Experiment
import Foundation

/// Parse + validate of a multi-megabyte experiment file: a 400-state Tabular MDP written out
/// in full (transitions alone hold 400 x 4 x 400 numbers); one iteration loads the file once.
enum ParseBenchmark {
    static func register() {
        let text = experimentText()
        let megabytes = max(1, Int((Double(text.utf8.count) / 1_048_576).rounded()))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-big-\(getpid()).yaml")
        Benchmark(
            "parse+validate a \(megabytes) MB file (6 jobs)",
            configuration: .init(metrics: [.wallClock]),
            closure: { _ in
                let jobs = try ExperimentLoader().load(path: url.path).jobs.count
                precondition(jobs == 6)
            },
            setup: { try text.write(to: url, atomically: true, encoding: .utf8) },
            teardown: { try? FileManager.default.removeItem(at: url) })
    }

    /// The experiment file: a Tabular environment whose tables are written out in full.
    static func experimentText() -> String {
        let states = 400, actions = 4
        var text = """
            experiment: big
            environment:
              id: Tabular
              max_episode_steps: 50
              params:
                states: \(states)
                actions: \(actions)
                initial: [1.0\(String(repeating: ", 0.0", count: states - 1))]
                transitions:

            """
        for s in 0..<states {
            text += "      - ["
            for a in 0..<actions {
                let next = (s + a + 1) % states
                let row = (0..<states).map { $0 == next ? "0.75" : ($0 == s ? "0.25" : "0.0") }
                text += (a > 0 ? ", " : "") + "[" + row.joined(separator: ", ") + "]"
            }
            text += "]\n"
        }
        text += "    rewards:\n"
        for s in 0..<states { text += "      - [\((0..<actions).map { "\(Double((s * 7 + $0) % 11) / 10)" }.joined(separator: ", "))]\n" }
        text += """
            estimator: {name: reinforce}
            policy: {architecture: tabular}
            training: {steps: 1000}
            seeds: 3
            grid:
              estimator.gamma: [0.9, 0.99]

            """
        return text
    }
}
