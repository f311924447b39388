import PolicyGradient
import YAML

/// The `diagnostics` section.
public struct DiagnosticsSettings: Codable, Sendable, Equatable {
    public var gradientVariance: GradientVarianceSettings?

    enum CodingKeys: String, CodingKey {
        case gradientVariance = "gradient_variance"
    }

    public init(gradientVariance: GradientVarianceSettings? = nil) {
        self.gradientVariance = gradientVariance
    }
}

/// `diagnostics.gradient_variance`: K fresh gradient estimates every `every` steps
/// (docs/architecture.md, "Gradient diagnostics"), the core's `TrainerSettings.Diagnostics`.
public typealias GradientVarianceSettings = TrainerSettings.Diagnostics

extension TrainerSettings.Diagnostics: Codable {
    enum CodingKeys: String, CodingKey {
        case every, samples, compare, start
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let every = try c.decode(Int.self, forKey: .every)
        try c.require(every >= 1, .every, "must be at least 1")
        self.init(every: every)
        samples = try c.value(.samples, default: samples)
        try c.require((2...100_000).contains(samples), .samples, "must be in 2...100000 (a variance needs two estimates)")
        compare = try c.value(.compare, default: compare)
        if Set(compare).count != compare.count {
            throw c.fail(at: .compare, [], "lists a baseline twice")
        }
        start = try c.value(.start, default: start)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(every, forKey: .every)
        try c.encode(samples, forKey: .samples)
        try c.encode(compare, forKey: .compare)
        // Written only when not the default, so that jobs which leave it out keep their ids.
        if start != .continue { try c.encode(start, forKey: .start) }
    }
}
