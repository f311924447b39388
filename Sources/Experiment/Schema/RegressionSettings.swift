import YAML

/// The `regression` section, read by `runner check`.
public struct RegressionSettings: Codable, Sendable, Equatable {
    public enum Metric: String, YAMLEnum {
        case finalReturn = "final_return"
    }

    public var metric: Metric
    /// Every cell's mean must reach this.
    public var min: Double?
    /// Per-cell accepted results, relative to the experiment file.
    public var reference: String?
    /// Allowed drop below the reference mean, in standard errors.
    public var tolerance: Double

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = try c.value(.metric, default: .finalReturn)
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        tolerance = try c.value(.tolerance, default: 3)
        try c.require(tolerance >= 0, .tolerance, "must be >= 0")
    }
}
