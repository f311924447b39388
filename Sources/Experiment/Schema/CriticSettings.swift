import YAML

/// The `critic` section: the learned V (or Q for `actor_critic`), resolved.
///
/// Its network shape defaults to the policy's.
public struct CriticSettings: Codable, Sendable, Equatable {
    public enum Target: String, YAMLEnum {
        /// Bootstrap targets from the current critic, gradients stopped.
        case stopgrad
        /// Bootstrap targets from a copy refreshed every `target_update` updates.
        case targetNetwork = "target_network"
    }

    public var hidden: [Int]
    public var activation: PolicySettings.Activation
    /// One network: the value head on the policy's last hidden layer.
    public var shareTrunk: Bool
    /// Weight of the value loss in the total loss.
    public var valueCoef: Double
    public var target: Target
    /// Updates between target copies (`target_network`).
    public var targetUpdate: Int

    enum CodingKeys: String, CodingKey {
        case hidden, activation
        case shareTrunk = "share_trunk"
        case valueCoef = "value_coef"
        case target
        case targetUpdate = "target_update"
    }

    /// The section as written, with the network shape falling back to the policy's.
    init(_ section: CriticSection, following policy: PolicySettings) {
        hidden = section.hidden ?? policy.hidden
        activation = section.activation ?? policy.activation
        shareTrunk = section.shareTrunk
        valueCoef = section.valueCoef
        target = section.target
        targetUpdate = section.targetUpdate
    }
}

/// The `critic` section as written: shape fields absent mean "as the policy".
struct CriticSection: Decodable {
    var hidden: [Int]?
    var activation: PolicySettings.Activation?
    var shareTrunk: Bool
    var valueCoef: Double
    var target: CriticSettings.Target
    var targetUpdate: Int

    typealias CodingKeys = CriticSettings.CodingKeys

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hidden = try c.decodeIfPresent([Int].self, forKey: .hidden)
        if let hidden { try PolicySettings.checkHidden(hidden, in: c, key: .hidden) }
        activation = try c.decodeIfPresent(PolicySettings.Activation.self, forKey: .activation)
        shareTrunk = try c.value(.shareTrunk, default: false)
        valueCoef = try c.value(.valueCoef, default: 0.5)
        try c.require(valueCoef >= 0 && valueCoef.isFinite, .valueCoef, "must be a finite number >= 0")
        target = try c.value(.target, default: .stopgrad)
        targetUpdate = try c.value(.targetUpdate, default: 100)
        try c.require(targetUpdate >= 1, .targetUpdate, "must be at least 1")
    }
}
