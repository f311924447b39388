import Foundation

/// The purposes a job's randomness is split into (docs/architecture.md, "Determinism").
///
/// Each purpose draws from its own stream, so that, for example, enabling
/// diagnostics or changing the baseline never shifts the environment's draws.
public enum RandomStream: UInt64, Sendable, CaseIterable {
    /// Weight initialization of policies and critics.
    case initialization = 1
    /// Environment resets, transitions and reward noise.
    case environment = 2
    /// Action sampling during training rollouts.
    case actions = 3
    /// Evaluation episodes (their resets and their action draws).
    case evaluation = 4
    /// Gradient-variance diagnostics.
    case diagnostics = 5
    /// Minibatch shuffling (PPO).
    case minibatches = 6
    /// Structure of generated environments (RandomMDP's `structure_seed`).
    case structure = 7
}

/// A deterministic pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// A generator is a pure function of `(seed, stream, index)`; nothing global or
/// time-based enters. `index` separates copies of one purpose, such as the
/// environments of a vectorized batch.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator for `stream` of the job seeded with `seed`; `index` tells copies apart.
    public init(seed: UInt64, stream: RandomStream, index: UInt64 = 0) {
        var mixer = SplitMix64(
            state: seed ^ SplitMix64.mix(stream.rawValue &* 0xD1B5_4A32_D192_ED03)
                ^ SplitMix64.mix(index &+ 0x8CB9_2BA7_2F3D_8DD7))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform draw from [0, 1) with 53 random bits.
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw from [low, high).
    @inlinable
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A uniform integer in `0..<n` (Lemire's unbiased multiply-shift).
    @inlinable
    public mutating func int(below n: Int) -> Int {
        precondition(n > 0, "int(below:) needs a positive bound")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// A standard normal draw, by the Box–Muller transform.
    ///
    /// `z = sqrt(-2 ln u1) cos(2π u2)` with `u1` in (0, 1]; one draw consumes two uniforms.
    @inlinable
    public mutating func normal() -> Double {
        let u1 = 1.0 - uniform()
        let u2 = uniform()
        return (-2.0 * Foundation.log(u1)).squareRoot() * Foundation.cos(2.0 * Double.pi * u2)
    }

    /// A normal draw with the given mean and standard deviation.
    @inlinable
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// An index drawn from a discrete distribution given by `probabilities` (summing to 1).
    ///
    /// Falls back to the last index with positive weight when rounding leaves the sum short of the draw.
    @inlinable
    public mutating func categorical<C: Collection>(_ probabilities: C) -> Int
    where C.Element: BinaryFloatingPoint {
        let u = uniform()
        var cumulative = 0.0
        var last = 0
        for (i, p) in probabilities.enumerated() {
            let weight = Double(p)
            if weight > 0 { last = i }
            cumulative += weight
            if u < cumulative { return i }
        }
        return last
    }
}

/// SplitMix64, used only to expand seeds into xoshiro state.
@usableFromInline
struct SplitMix64 {
    @usableFromInline var state: UInt64

    @usableFromInline
    init(state: UInt64) { self.state = state }

    @usableFromInline
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @usableFromInline
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }
}
