import Foundation

/// gSDE's exploration matrices θ_ε, one `[featureSize × actionSize]` per environment copy, and
/// the schedule of new draws: at the start of every rollout (step 0) and, with
/// `sampleFrequency` k ≥ 1, every k steps of it (Stable-Baselines3's `sde_sample_freq`).
public final class ExplorationMatrices {
    /// The policy whose `log σ` sets the draws' scale.
    public let policy: GaussianPolicy
    /// Environment copies, one matrix each.
    public let copies: Int
    /// A new draw every this many steps of a rollout (−1: only at its start).
    public let sampleFrequency: Int
    /// θ_ε of copy i at `i · featureSize · actionSize`, row-major.
    private let storage: UnsafeMutablePointer<Float>
    private var size: Int { copies * policy.logStdCount }

    /// Zero matrices for `copies` copies of `policy`'s environment (draw before acting).
    public init(policy: GaussianPolicy, copies: Int, sampleFrequency: Int) {
        precondition(policy.isStateDependent, "exploration matrices belong to a gSDE policy")
        self.policy = policy
        self.copies = copies
        self.sampleFrequency = sampleFrequency
        storage = .allocate(capacity: copies * policy.logStdCount)
        storage.initialize(repeating: 0, count: copies * policy.logStdCount)
    }

    deinit {
        storage.deallocate()
    }

    /// θ_ε of copy `i`, `[featureSize × actionSize]`.
    public func matrix(copy i: Int) -> UnsafePointer<Float> { UnsafePointer(storage + i * policy.logStdCount) }

    /// Every matrix, copy by copy (for a snapshot).
    public var values: [Float] {
        get { Array(UnsafeBufferPointer(start: storage, count: size)) }
        set {
            precondition(newValue.count == size)
            storage.update(from: newValue, count: size)
        }
    }

    /// New draws θ_ε[j, d] = σ_jd · z, z ~ N(0, 1): copy by copy, each row-major, one
    /// `normal()` per entry.
    public func resample(using generator: inout RandomGenerator) {
        let n = policy.logStdCount, logStd = policy.logStd
        for i in 0..<copies {
            for m in 0..<n { storage[i * n + m] = Foundation.exp(logStd[m]) * Float(generator.normal()) }
        }
    }

    /// Draws new matrices when step `t` of a rollout is due one (t = 0, or a multiple of
    /// `sampleFrequency` ≥ 1).
    public func resampleIfDue(step t: Int, using generator: inout RandomGenerator) {
        if t == 0 || (sampleFrequency > 0 && t % sampleFrequency == 0) { resample(using: &generator) }
    }
}
