import PolicyGradient
import YAML

/// The `critic` section: the learned V (or Q for `actor_critic`), the core's `TrainerSettings.Critic`.
///
/// Its network shape defaults to the policy's.
public typealias CriticSettings = TrainerSettings.Critic

/// Encodable only: the section decodes through `CriticSection`, whose shape falls back to the
/// job's policy.
extension TrainerSettings.Critic: Encodable {
    enum CodingKeys: String, CodingKey {
        case hidden, activation
        case shareTrunk = "share_trunk"
        case valueCoef = "value_coef"
        case target
        case targetUpdate = "target_update"
    }

    /// The section as written, with the network shape falling back to the policy's.
    init(_ section: CriticSection, following policy: PolicySettings) {
        self.init(
            hidden: section.hidden ?? policy.hidden, activation: section.activation ?? policy.activation,
            shareTrunk: section.shareTrunk, valueCoef: section.valueCoef, target: section.target,
            targetUpdate: section.targetUpdate)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(activation, forKey: .activation)
        try c.encode(shareTrunk, forKey: .shareTrunk)
        try c.encode(valueCoef, forKey: .valueCoef)
        try c.encode(target, forKey: .target)
        try c.encode(targetUpdate, forKey: .targetUpdate)
    }
}

/// The `critic` section as written: shape fields absent mean "as the policy".
struct CriticSection: Decodable {
    var hidden: [Int]?
    var activation: ActivationFunction?
    var shareTrunk: Bool
    var valueCoef: Double
    var target: TrainerSettings.CriticTarget
    var targetUpdate: Int

    typealias CodingKeys = CriticSettings.CodingKeys

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CriticSettings()
        hidden = try c.decodeIfPresent([Int].self, forKey: .hidden)
        if let hidden { try PolicySettings.checkHidden(hidden, in: c, key: .hidden) }
        activation = try c.decodeIfPresent(ActivationFunction.self, forKey: .activation)
        shareTrunk = try c.value(.shareTrunk, default: defaults.shareTrunk)
        valueCoef = try c.value(.valueCoef, default: defaults.valueCoef)
        try c.require(valueCoef >= 0 && valueCoef.isFinite, .valueCoef, "must be a finite number >= 0")
        target = try c.value(.target, default: defaults.target)
        targetUpdate = try c.value(.targetUpdate, default: defaults.targetUpdate)
        try c.require(targetUpdate >= 1, .targetUpdate, "must be at least 1")
    }
}
