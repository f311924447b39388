import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// The trainer's checkpoint hook: when states are offered, that offering them changes nothing,
/// that a requested checkpoint stops the run at a boundary it can be resumed from bit for bit,
/// and the snapshot's format version.
@Suite struct CheckpointHookTests {
    /// A2C on CartPole, 2 copies x 5 steps: every update takes exactly 10 steps.
    static func settings(checkpointEvery: Int?) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "CartPole-v1", numEnvs: 2), policy: .init(hidden: [8]),
            estimator: .init(name: .a2c, nSteps: 5), baseline: .value, critic: .init(hidden: [8]),
            optimizer: .init(configuration: .rmsprop(), lr: 7e-4),
            training: .init(steps: 300, evalEvery: 100, evalEpisodes: 2, checkpointEvery: checkpointEvery), seed: 3)
    }

    /// Offers at the first boundary at or after each multiple (boundaries are multiples of 10),
    /// never at step 0 or at the end; the default is every evaluation.
    @Test(arguments: [(25, [30, 50, 80, 100, 130, 150, 180, 200, 230, 250, 280]), (100, [100, 200]), (1000, [])])
    func offersAfterEachMultipleOfCheckpointEvery(every: Int, expected: [Int]) {
        let sink = RecordingSink(takesCheckpoints: true)
        let outcome = Trainer.run(Self.settings(checkpointEvery: every), sink: sink)
        #expect(outcome.status == .completed)
        #expect(sink.offers.map(\.step) == expected)
        let byDefault = RecordingSink(takesCheckpoints: true)
        _ = Trainer.run(Self.settings(checkpointEvery: nil), sink: byDefault)
        #expect(byDefault.offers.map(\.step) == [100, 200])
        // Offering states changes nothing the run computes.
        #expect(bitPatterns(byDefault.curve) == bitPatterns(sink.curve))
    }

    /// Asked after the second offer, the run saves its state at the next boundary and stops
    /// there; resumed from it (through its saved form) it ends as the run left alone.
    @Test func aRequestedCheckpointStopsAtABoundaryThatResumesBitForBit() throws {
        let settings = Self.settings(checkpointEvery: 40)
        let whole = RecordingSink(takesCheckpoints: true)
        let wholeOutcome = Trainer.run(settings, sink: whole)

        let first = RecordingSink(takesCheckpoints: true)
        first.checkpointAfterOffers = 2
        let stopped = Trainer.run(settings, sink: first)
        #expect(stopped.status == .interrupted)
        #expect(first.offers.map(\.step) == [40, 80, 90])
        let last = try #require(first.offers.last)
        #expect(stopped.steps == last.step)

        let second = RecordingSink(takesCheckpoints: true)
        second.resumeSnapshot = try TrainingSnapshot.load(last.snapshot.save())
        let outcome = Trainer.run(settings, sink: second)
        #expect(outcome.status == .completed && outcome.steps == wholeOutcome.steps)
        #expect(outcome.finalReturn.bitPattern == wholeOutcome.finalReturn.bitPattern)
        #expect(bitPatterns(first.curve + second.curve) == bitPatterns(whole.curve))
        // The resumed run does not offer its starting state again.
        #expect(second.offers.first.map(\.step) == 120)
    }

    @Test func aSnapshotOfAnotherFormatVersionIsRefusedNamingBoth() throws {
        let sink = RecordingSink(takesCheckpoints: true)
        _ = Trainer.run(Self.settings(checkpointEvery: 100), sink: sink)
        let saved = try #require(sink.offers.first).snapshot.save()
        var object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect(object["formatVersion"] as? Int == TrainingSnapshot.currentFormatVersion)
        object["formatVersion"] = 99
        #expect { try TrainingSnapshot.load(JSONSerialization.data(withJSONObject: object)) } throws: {
            "\($0)" == "the saved training state has format version 99; this runner reads version 2"
        }
        // A state saved before the update statistics' counters and episode window existed.
        object["formatVersion"] = 1
        object["passesDone"] = nil
        object["recentEpisodes"] = nil
        #expect { try TrainingSnapshot.load(JSONSerialization.data(withJSONObject: object)) } throws: {
            "\($0)" == "the saved training state has format version 1; this runner reads version 2"
        }
        object["formatVersion"] = nil
        #expect { try TrainingSnapshot.load(JSONSerialization.data(withJSONObject: object)) } throws: {
            "\($0)".contains("format version none")
        }
    }
}
