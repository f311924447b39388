/// Steps an environment from a given internal state through a given action list, so its
/// dynamics can be compared with another simulator (docs/architecture.md, "Command line", `runner env trace`).
///
/// The CSV has the header `step,action,reward,terminated,truncated,obs_0,...,obs_{n-1}` and
/// one row per step, `step` counting from 0, up to and including the first step that is
/// terminated or truncated (or until the actions run out). The time limit counts from the
/// given state. Numbers are printed so that they read back exactly: rewards as Double,
/// observations as their Float32 value widened to Double; booleans as `true`/`false`.
/// A discrete action prints as an integer; a continuous one as its values separated by spaces.
public enum EnvironmentTrace {
    /// One traced step.
    public struct Row: Sendable, Equatable {
        public var step: Int
        public var action: [Double]
        public var reward: Double
        public var terminated: Bool
        public var truncated: Bool
        public var observation: [Float]
    }

    /// The traced steps of `environment` started from `state` (Gymnasium's internal state).
    ///
    /// Each action is a list of `actionDimension` values; a discrete action is one integer
    /// value in range. Random draws (tabular environments only) come from
    /// `RandomGenerator(seed: seed, stream: .environment)`. The time limit is
    /// `environment.maxEpisodeSteps`. Throws on an invalid state or action.
    public static func rows<E: Environment>(
        _ environment: E, state: [Double], actions: [[Double]], seed: UInt64 = 0
    ) throws -> [Row] {
        var limited = TimeLimit(environment)
        try limited.setState(state)
        var generator = RandomGenerator(seed: seed, stream: .environment)
        var observation = [Float](repeating: 0, count: environment.observationSize)
        var rows: [Row] = []
        for (index, action) in actions.enumerated() {
            let result: TimeLimitedStep
            switch environment.actionSpace {
            case .discrete(let n):
                guard action.count == 1, let value = Int(exactly: action[0]), value >= 0, value < n else {
                    throw EnvironmentError.invalidAction("step \(index): expected an integer in 0..<\(n), got \(action)")
                }
                result = limited.step(discrete: value, using: &generator)
            case .continuous(let dimension, _, _):
                guard action.count == dimension, action.allSatisfy(\.isFinite) else {
                    throw EnvironmentError.invalidAction(
                        "step \(index): expected \(dimension) finite values, got \(action)")
                }
                result = action.withUnsafeBufferPointer { limited.step(continuous: $0, using: &generator) }
            }
            observation.withUnsafeMutableBufferPointer { limited.base.writeObservation(into: $0.baseAddress!) }
            rows.append(
                Row(step: index, action: action, reward: result.reward, terminated: result.terminated,
                    truncated: result.truncated, observation: observation))
            if result.done { break }
        }
        return rows
    }

    /// The CSV text of `rows(environment, state:, actions:, seed:)`, header included.
    public static func csv<E: Environment>(
        _ environment: E, state: [Double], actions: [[Double]], seed: UInt64 = 0
    ) throws -> String {
        let traced = try rows(environment, state: state, actions: actions, seed: seed)
        var text = header(observationSize: environment.observationSize) + "\n"
        let discrete = if case .discrete = environment.actionSpace { true } else { false }
        for row in traced {
            let action =
                discrete ? String(Int(row.action[0])) : row.action.map { $0.description }.joined(separator: " ")
            var fields = [
                String(row.step), action, row.reward.description, String(row.terminated), String(row.truncated),
            ]
            fields += row.observation.map { Double($0).description }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `step,action,reward,terminated,truncated,obs_0,...,obs_{n-1}`.
    public static func header(observationSize: Int) -> String {
        (["step", "action", "reward", "terminated", "truncated"] + (0..<observationSize).map { "obs_\($0)" })
            .joined(separator: ",")
    }
}
