import YAML

/// The `regression` section, read by `runner check`.
public struct RegressionSettings: Codable, Sendable, Equatable {
    public enum Metric: String, YAMLEnum {
        case finalReturn = "final_return"
    }

    /// How a cell is judged against its reference.
    public enum Mode: String, YAMLEnum {
        /// The mean must reach `min` and the reference mean − `tolerance` · SE.
        case threshold
        /// The 95% CI of (current − reference) must lie above −`margin`.
        case nonInferiority = "non_inferiority"
    }

    public var metric: Metric
    /// Every cell's mean must reach this.
    public var min: Double?
    /// Per-cell accepted results, relative to the experiment file.
    public var reference: String?
    /// Allowed drop below the reference mean, in standard errors.
    public var tolerance: Double
    public var mode: Mode
    /// With `non_inferiority`: the largest drop below the reference that still passes.
    public var margin: Double?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = try c.value(.metric, default: .finalReturn)
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        tolerance = try c.value(.tolerance, default: 3)
        mode = try c.value(.mode, default: .threshold)
        margin = try c.decodeIfPresent(Double.self, forKey: .margin)
        // A bound of nan or ±inf would let every cell pass (or none): the gate must measure something.
        try c.require(min?.isFinite ?? true, .min, "must be a finite number")
        try c.require(tolerance >= 0 && tolerance.isFinite, .tolerance, "must be a finite number >= 0")
        try c.require(margin.map { $0 >= 0 && $0.isFinite } ?? true, .margin, "must be a finite number >= 0")
        if mode == .nonInferiority {
            try c.require(margin != nil, .mode, "non_inferiority needs regression.margin")
            try c.require(reference != nil, .mode, "non_inferiority needs regression.reference")
        }
    }
}
