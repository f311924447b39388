import Foundation
import Testing

@testable import PolicyGradient

/// One segment of a Gymnasium reference trace (see tools/gymnasium_traces.py).
struct GymnasiumSegment {
    var index: Int
    var maxEpisodeSteps: Int
    var state: [Double]
    var actions: [[Double]]
    /// The trace block: header line and rows, as `EnvironmentTrace.csv` prints it.
    var csv: String
}

/// A parsed CSV trace row.
struct ParsedTraceRow {
    var step: Int
    var action: String
    var reward: Double
    var terminated: Bool
    var truncated: Bool
    var observation: [Double]
}

enum GymnasiumFixtures {
    static func url(_ envID: String) throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent("gymnasium").appendingPathComponent("\(envID).csv")
    }

    static func segments(_ envID: String) throws -> [GymnasiumSegment] {
        let text = try String(contentsOf: url(envID), encoding: .utf8)
        var segments: [GymnasiumSegment] = []
        var current: GymnasiumSegment?
        func finish() {
            if let segment = current { segments.append(segment) }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# segment ") {
                finish()
                current = GymnasiumSegment(
                    index: Int(line.dropFirst("# segment ".count))!, maxEpisodeSteps: 0, state: [], actions: [],
                    csv: "")
            } else if line.hasPrefix("# max_episode_steps: ") {
                current?.maxEpisodeSteps = Int(line.dropFirst("# max_episode_steps: ".count))!
            } else if line.hasPrefix("# state: ") {
                current?.state = line.dropFirst("# state: ".count).split(separator: ",").map { Double($0)! }
            } else if line.hasPrefix("# actions: ") {
                current?.actions = line.dropFirst("# actions: ".count).split(separator: ";").map {
                    $0.split(separator: " ").map { Double($0)! }
                }
            } else if line.hasPrefix("#") || line.isEmpty {
                continue
            } else {
                current?.csv += line + "\n"
            }
        }
        finish()
        return segments
    }

    /// Parses trace CSV text (header line first).
    static func parse(_ csv: String) -> (header: String, rows: [ParsedTraceRow]) {
        let lines = csv.split(separator: "\n")
        let rows = lines.dropFirst().map { line -> ParsedTraceRow in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ParsedTraceRow(
                step: Int(fields[0])!, action: fields[1], reward: Double(fields[2])!,
                terminated: fields[3] == "true", truncated: fields[4] == "true",
                observation: fields[5...].map { Double($0)! })
        }
        return (lines.first.map(String.init) ?? "", rows)
    }
}

/// Every committed Gymnasium trace is reproduced by the library.
///
/// No tolerance: observations, rewards, terminated and truncated agree bit for bit (every
/// observation is Gymnasium's Float32 value, every reward its Double value).
struct EnvironmentParityTests {
    static let classicIDs = ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1"]

    @Test(arguments: classicIDs)
    func reproducesGymnasiumTraces(envID: String) throws {
        let segments = try GymnasiumFixtures.segments(envID)
        #expect(segments.count >= 20)
        var steps = 0
        for segment in segments {
            let environment = try EnvironmentRegistry.make(id: envID, maxEpisodeSteps: segment.maxEpisodeSteps)
            let ours = GymnasiumFixtures.parse(
                try EnvironmentTrace.csv(environment, state: segment.state, actions: segment.actions))
            let reference = GymnasiumFixtures.parse(segment.csv)
            #expect(ours.header == reference.header, "segment \(segment.index)")
            try #require(ours.rows.count == reference.rows.count, "segment \(segment.index): row count")
            for (mine, theirs) in zip(ours.rows, reference.rows) {
                let location = "segment \(segment.index) step \(theirs.step)"
                #expect(mine.step == theirs.step, "\(location)")
                #expect(Double(mine.action) == Double(theirs.action), "\(location): action")
                #expect(mine.terminated == theirs.terminated, "\(location): terminated")
                #expect(mine.truncated == theirs.truncated, "\(location): truncated")
                #expect(mine.reward.bitPattern == theirs.reward.bitPattern, "\(location): reward \(mine.reward) vs \(theirs.reward)")
                try #require(mine.observation.count == theirs.observation.count)
                #expect(mine.observation == theirs.observation, "\(location): observation")
            }
            steps += reference.rows.count
        }
        #expect(steps >= 1000, "at least 1,000 reference steps")
    }

    /// Pendulum's fixture holds long traces under random torques, where a last-bit
    /// difference in the torque terms grows into a visible drift (it shows after 70 to 150 steps).
    @Test func pendulumFixtureHasLongRandomTorqueTraces() throws {
        let long = try GymnasiumFixtures.segments("Pendulum-v1").filter { segment in
            let torques = segment.actions.map { $0[0] }
            return GymnasiumFixtures.parse(segment.csv).rows.count >= 150 && Set(torques).count >= 150
                && torques.contains { abs($0) > Pendulum.maxTorque }
        }
        #expect(long.count >= 10)
    }

    /// The fixtures exercise both ends of an episode, so the flags above are really tested.
    @Test(arguments: classicIDs)
    func fixturesCoverTerminationAndTruncation(envID: String) throws {
        let rows = try GymnasiumFixtures.segments(envID).flatMap { GymnasiumFixtures.parse($0.csv).rows }
        #expect(rows.contains { $0.truncated })
        if envID != "Pendulum-v1" {
            #expect(rows.contains { $0.terminated })
            #expect(rows.contains { $0.terminated && $0.truncated }, "termination on the time limit")
        }
    }
}
