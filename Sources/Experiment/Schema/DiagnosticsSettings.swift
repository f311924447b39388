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

/// `diagnostics.gradient_variance`: K fresh gradient estimates every `every` steps (DESIGN section 6).
public struct GradientVarianceSettings: Codable, Sendable, Equatable {
    /// Environment steps between measurements (one is also taken at step 0).
    public var every: Int
    /// K, the number of independent estimates per measurement.
    public var samples: Int
    /// Baselines measured on the same batches as the job's own.
    public var compare: [Baseline]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        every = try c.decode(Int.self, forKey: .every)
        try c.require(every >= 1, .every, "must be at least 1")
        samples = try c.value(.samples, default: 32)
        try c.require(samples >= 2, .samples, "must be at least 2 (a variance needs two estimates)")
        compare = try c.value(.compare, default: [])
        if Set(compare).count != compare.count {
            throw c.fail(at: .compare, [], "lists a baseline twice")
        }
    }
}
