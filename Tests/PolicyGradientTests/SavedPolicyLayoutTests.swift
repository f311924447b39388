import Foundation
import TestSupport
import Testing
@testable import PolicyGradient

/// policy.json's format 2: the layout names every parameter once, in order, with the shapes
/// of the networks; the critic is kept; a file of format 1 still loads
/// (docs/policy-format.md).
@Suite struct SavedPolicyLayoutTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let environment: String
        let architecture: ModelArchitecture
        let shareTrunk: Bool
        let sde: Bool
        var testDescription: String {
            "\(environment) \(architecture)\(shareTrunk ? " shared trunk" : "")\(sde ? " gSDE" : "")"
        }
    }

    static let cases = [
        Case(environment: "CartPole-v1", architecture: .mlp, shareTrunk: false, sde: false),
        Case(environment: "CartPole-v1", architecture: .mlp, shareTrunk: true, sde: false),
        Case(environment: "CartPole-v1", architecture: .linear, shareTrunk: false, sde: false),
        Case(environment: "Pendulum-v1", architecture: .mlp, shareTrunk: false, sde: false),
        Case(environment: "Pendulum-v1", architecture: .mlp, shareTrunk: true, sde: true),
    ]

    static func settings(_ c: Case) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: c.environment, numEnvs: 2, maxEpisodeSteps: 40, normalize: Normalization()),
            policy: .init(architecture: c.architecture, hidden: [8, 6], sde: c.sde),
            estimator: .init(name: .ppo, nSteps: 8, epochs: 1, minibatches: 2),
            baseline: .value,
            critic: .init(hidden: [5], shareTrunk: c.shareTrunk),
            optimizer: .init(configuration: .adam(), lr: 1e-3),
            training: .init(steps: 64, evalEvery: 64, evalEpisodes: 1),
            seed: 4)
    }

    /// The tensors follow each other without gaps or overlaps and cover the vector.
    static func expectTiles(_ layout: [ParameterTensor], _ count: Int) {
        var next = 0
        for tensor in layout {
            #expect(tensor.offset == next, "\(tensor.name) at \(tensor.offset), expected \(next)")
            next = tensor.offset + tensor.count
        }
        #expect(next == count)
    }

    @Test(arguments: cases) func theLayoutTilesTheParametersWithTheNetworksShapes(_ c: Case) throws {
        let sink = RecordingSink()
        _ = Trainer.run(Self.settings(c), sink: sink)
        let saved = try #require(sink.policy)
        #expect(saved.format == 2)
        let layout = try #require(saved.layout)
        let critic = try #require(saved.critic)
        Self.expectTiles(layout, saved.parameters.count)
        Self.expectTiles(critic.layout, critic.parameters.count)
        let observations = c.environment == "CartPole-v1" ? 4 : 3, actions = c.environment == "CartPole-v1" ? 2 : 1
        let shapes = Dictionary(uniqueKeysWithValues: (layout + critic.layout).map { ($0.name, $0.shape) })
        #expect(critic.sharesTrunk == c.shareTrunk && critic.outputs == 1)
        #expect(saved.normalizationSettings?.clipObservations == 10 && saved.normalizationSettings?.gamma == 0.99)
        switch (c.architecture, c.shareTrunk) {
        case (.linear, _):
            #expect(shapes == ["pi.0.weight": [actions, observations], "pi.0.bias": [actions],
                               "vf.0.weight": [1, observations], "vf.0.bias": [1]])
        case (_, false):
            #expect(shapes["pi.0.weight"] == [8, observations] && shapes["pi.1.weight"] == [6, 8])
            #expect(shapes["pi.2.weight"] == [actions, 6] && shapes["pi.2.bias"] == [actions])
            #expect(shapes["vf.0.weight"] == [5, observations] && shapes["vf.1.weight"] == [1, 5])
            #expect(critic.parameters.count == 5 * (observations + 1) + 6)
        case (_, true):
            #expect(shapes["trunk.0.weight"] == [8, observations] && shapes["trunk.1.weight"] == [6, 8])
            #expect(shapes["pi.0.weight"] == [actions, 6] && shapes["vf.0.weight"] == [1, 6])
            #expect(critic.parameters.isEmpty && critic.layout.isEmpty)
        }
        if c.environment == "Pendulum-v1" {
            #expect(shapes["log_std"] == (c.sde ? [6, 1] : [1]))
            #expect(saved.actionHead == (c.sde ? "gaussian_sde" : "gaussian"))
            #expect(saved.actionLow == [-2] && saved.actionHigh == [2])
            #expect(layout.last?.name == "log_std", "log σ comes last")
        } else {
            #expect(saved.actionHead == "categorical" && saved.actionLow == nil)
        }
    }

    /// The weights of the layout are the rows the network multiplies: rebuilding the first
    /// layer of the policy by hand from the file gives the network's own output.
    @Test func responsesFollowFromTheSavedNumbersAlone() throws {
        var settings = Self.settings(Self.cases[2])
        settings.environment.normalize = nil
        let sink = RecordingSink()
        _ = Trainer.run(settings, sink: sink)
        let saved = try #require(sink.policy)
        let observation: [Float] = [0.1, -0.4, 0.05, 0.3]
        let response = try #require(try Trainer.responses(saved, settings: settings, to: [observation]).first)
        let tensors = try #require(saved.layout)
        let layout = Dictionary(uniqueKeysWithValues: tensors.map { ($0.name, $0) })
        let weight = try #require(layout["pi.0.weight"]), bias = try #require(layout["pi.0.bias"])
        let logits = (0..<2).map { i in
            (0..<4).reduce(saved.parameters[bias.offset + i]) { $0 + saved.parameters[weight.offset + i * 4 + $1] * observation[$1] }
        }
        #expect(response.greedyAction == [logits[1] > logits[0] ? 1 : 0])
        let critic = try #require(saved.critic)
        let v = (0..<4).reduce(critic.parameters[4]) { $0 + critic.parameters[$1] * observation[$1] }
        #expect(isClose(Double(response.values[0]), Double(v), relative: 1e-5, absolute: 1e-6))
    }

    /// A file of format 1, as runners before the critic was kept wrote it, loads as before.
    @Test func aFormatOneFileStillLoads() throws {
        let sink = RecordingSink()
        let settings = Self.settings(Self.cases[0])
        let outcome = Trainer.run(settings, sink: sink)
        let json = try #require(sink.policy).json()
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for key in ["action_head", "action_low", "action_high", "layout", "critic", "normalization_settings"] {
            object.removeValue(forKey: key)
        }
        object["format"] = 1
        let old = try SavedPolicy.load(JSONSerialization.data(withJSONObject: object))
        #expect(old.format == 1 && old.critic == nil && old.layout == nil)
        let (mean, _) = try Trainer.evaluate(old, settings: settings)
        #expect(mean.bitPattern == outcome.finalReturn.bitPattern)
        object["format"] = 3
        #expect(throws: TrainerError.self) { try SavedPolicy.load(JSONSerialization.data(withJSONObject: object)) }
    }
}
