import Foundation

/// An estimate, made before anything is built, of the bytes one training job allocates.
///
/// It counts what `TrainingSession` and its components hold at their working size:
///
/// - **parameters**: θ and its gradient for the policy and the critic (one buffer with a shared
///   trunk), the optimizer's moments (two per parameter for Adam, one for RMSprop and SGD), the
///   target critic's copy, and the two gradient vectors of the `optimal` baseline;
/// - **rollout**: one batch of `T = num_envs · n_steps` terms (observation, action, reward, log π,
///   values, estimates, weights, flags), the `num_envs` bootstrap rows, up to `T` stored final
///   observations, the scratch vectors of the update, and the networks' activations for every
///   forwarded row (`Σ widths + 2 · max width` floats per row); REINFORCE instead stages every
///   step of every copy until each copy has its quota of episodes, up to
///   `⌈W/N⌉ · H · N` steps (W `episodes_per_update`, N copies, H `max_episode_steps`), and its
///   batch holds up to `W · H` terms;
/// - **minibatches**: PPO's shuffled permutation and minibatch copies;
/// - **environments**: training and evaluation copies (`eval_episodes` of them) with their
///   observation, final-observation, reward and bookkeeping buffers;
/// - **tables**: a tabular MDP's transition, reward and start tables;
/// - **diagnostics**: the gradient-variance meter's second batch and environments, its running
///   moments (two doubles per parameter and baseline) and the exact gradient's occupancy table.
///
/// Counts saturate at `Int.max` instead of overflowing, so an absurd configuration gives an
/// absurd (but finite) estimate. The estimate is deliberately an upper bound on what the
/// components ask for (a REINFORCE episode counts as long as the time limit allows); growth
/// slack of reusable buffers and the runtime's own overhead are not counted.
public struct MemoryFootprint: Sendable, Equatable {
    /// What a share of the bytes holds, so a message can name the setting behind it.
    public enum Part: String, Sendable, CaseIterable {
        /// The policy's parameters, gradients and optimizer state.
        case policyParameters
        /// The critic's (and target critic's) parameters, gradients and optimizer state.
        case criticParameters
        /// One batch of experience and the networks' activations over it.
        case rollout
        /// PPO's minibatch copies.
        case minibatches
        /// The training copies of the environment.
        case environments
        /// The evaluation copies of the environment and their scratch.
        case evaluation
        /// A tabular MDP's tables.
        case tables
        /// The gradient-variance meter.
        case diagnostics
    }

    /// The largest estimate a job may have: 8 GiB.
    public static let limit = 8 << 30

    /// Bytes per part (every part present, 0 when unused).
    public internal(set) var bytes: [Part: Int]

    /// The sum of the parts, saturating at `Int.max`.
    public var total: Int { bytes.values.reduce(0, Self.add) }

    /// The part holding the most bytes (the first in `Part.allCases` order on ties).
    public var largestPart: Part {
        Part.allCases.max { (bytes[$0] ?? 0) < (bytes[$1] ?? 0) }!
    }

    /// `size` in decimal units with one decimal: `17.2 GB`, `640.0 kB`, `512 bytes`.
    public static func describe(_ size: Int) -> String {
        if size == Int.max { return "more than 9.2 EB" }
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        guard size >= 1000 else { return "\(size) bytes" }
        var value = Double(size) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
    }

    /// `a + b`, saturating at `Int.max`.
    public static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    /// `a · b`, saturating at `Int.max`.
    public static func mul(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
