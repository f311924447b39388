import Foundation

/// The exact finite-horizon objective of a stationary softmax policy on a `TabularMDP`, its
/// exact gradient with respect to the per-state logits, and the exact expectations of the
/// REINFORCE estimators, all by dynamic programming over P, r, the initial distribution,
/// the terminal states and the horizon H (docs/architecture.md, "Gradient diagnostics").
///
/// ## Definitions
///
/// The policy is π(a | s) = softmax(z[s])ₐ, given either as logits z or as probabilities,
/// flat row-major `[states × actions]`. An episode starts from s₀ ~ `initial`; at each step
/// t < H it acts aₜ ~ π(· | sₜ), receives rₜ = r(sₜ, aₜ) + noise, and moves to sₜ₊₁ ~ P(· | sₜ, aₜ);
/// it stops on entering a terminal state (no reward is collected there) or at t = H.
/// An initial draw of a terminal state is an empty episode (return 0).
///
/// - Occupancy, for non-terminal s (and 0 on terminal states):
///   d₀(s) = μ(s),  dₜ₊₁(s') = Σ_{s,a} dₜ(s) π(a|s) P(s'|s,a),
///   the probability that the episode is still running at time t and sₜ = s.
/// - Remaining-horizon values, with V_H = 0 and T the set of terminal states:
///   Qₜ(s,a) = r(s,a) + γ Σ_{s'∉T} P(s'|s,a) Vₜ₊₁(s'),  Vₜ(s) = Σₐ π(a|s) Qₜ(s,a).
/// - Objective: J_H(π) = E[Σ_{t<H} γᵗ rₜ] = Σ_s μ(s) V₀(s).
///
/// ## Gradient (the policy gradient theorem of Sutton et al. 2000, finite horizon)
///
/// With ∂π(b|s)/∂z[s][a] = π(b|s)(1[a = b] − π(a|s)) and a policy shared by all t,
///
///     ∂J_H/∂z[s][a] = Σ_{t<H} γᵗ dₜ(s) π(a|s) (Qₜ(s,a) − Vₜ(s)).        (shape [states × actions])
///
/// Any other parametrization θ gets its exact gradient by the chain rule through the
/// logits: ∇_θ J_H = Σ_{s,a} (∂J_H/∂z[s][a]) ∂z[s][a]/∂θ (backpropagate `gradient` through
/// the network, one state at a time).
///
/// ## Expected REINFORCE estimates
///
/// Let gₜ = ∇_z log π(aₜ|sₜ) and Gₜ = Σ_{i≥t} γ^{i−t} rᵢ. The four REINFORCE variants
/// (reward-to-go or the whole return G₀; with or without the γᵗ weighting) are
///
///     Σₜ wₜ gₜ Gₜ  (reward to go)      Σₜ wₜ gₜ G₀  (whole return),     wₜ ∈ {γᵗ, 1}.
///
/// Two facts give their expectations. (i) E[gₜ | history up to sₜ] = Σₐ ∇π(a|sₜ) = 0, and
/// rᵢ for i < t is fixed by that history (its noise is independent and centred), so
/// E[gₜ rᵢ] = 0 for i < t; hence E[gₜ G₀] = γᵗ E[gₜ Gₜ]. (ii) E[Gₜ | sₜ, aₜ] = Qₜ(sₜ, aₜ),
/// so the component z[s][a] of E[gₜ Gₜ] is dₜ(s) π(a|s)(Qₜ(s,a) − Vₜ(s)) =: Aₜ[s][a]. Therefore
///
/// | reward to go | γᵗ weighting | expectation          |                            |
/// |--------------|--------------|----------------------|----------------------------|
/// | true         | true         | Σₜ γᵗ  Aₜ            | = ∇J_H, unbiased           |
/// | true         | false        | Σₜ     Aₜ            | biased when γ < 1          |
/// | false        | true         | Σₜ γ²ᵗ Aₜ            | biased when γ < 1          |
/// | false        | false        | Σₜ γᵗ  Aₜ            | = ∇J_H, unbiased           |
///
/// A baseline B(sₜ) that depends on the state alone adds wₜ gₜ B(sₜ), of expectation zero
/// (E[∇log π(a|s)] = 0 for every s; Williams 1992), so these hold for any such baseline. A
/// baseline computed from the same batch (such as the batch mean return) is not covered. With γ = 1 all four agree.
///
/// Cost: O(H · S² · A) time, O(H · S) memory for the occupancies.
public struct ExactPolicyGradient: Sendable {
    public let states: Int
    public let actions: Int
    public let horizon: Int
    public let gamma: Double
    /// π(a|s), flat `[states × actions]`.
    public let policy: [Double]
    /// J_H(π) = Σ_s μ(s) V₀(s).
    public let objective: Double
    /// ∂J_H/∂z[s][a] = Σₜ γᵗ Aₜ[s][a], flat `[states × actions]`.
    public let gradient: [Double]
    /// Σₜ Aₜ[s][a]: the expectation of reward-to-go REINFORCE without the γᵗ weighting.
    public let undiscountedWeightSum: [Double]
    /// Σₜ γ²ᵗ Aₜ[s][a]: the expectation of whole-return REINFORCE with the γᵗ weighting.
    public let squaredWeightSum: [Double]
    /// V₀(s), the value of each state with the whole horizon ahead (0 on terminal states).
    public let initialValues: [Double]

    /// Evaluates the policy with probabilities `policy[s * actions + a]` = π(a|s).
    ///
    /// - Precondition: 0 < gamma ≤ 1; `policy.count == states * actions`, each row a distribution.
    public init(mdp: TabularMDP, gamma: Double, policy: [Double]) {
        precondition(gamma > 0 && gamma <= 1, "gamma must be in (0, 1]")
        precondition(policy.count == mdp.states * mdp.actions, "policy must have states × actions entries")
        let S = mdp.states
        let A = mdp.actions
        let H = mdp.horizon
        states = S
        actions = A
        horizon = H
        self.gamma = gamma
        self.policy = policy

        // Forward: occupancies dₜ(s), t = 0..<H, flat [H × S].
        var occupancy = [Double](repeating: 0, count: H * S)
        for s in 0..<S where !mdp.terminal[s] { occupancy[s] = mdp.initial[s] }
        for t in 0..<(H - 1) {
            let now = t * S
            let next = now + S
            for s in 0..<S {
                let mass = occupancy[now + s]
                if mass == 0 { continue }
                for a in 0..<A {
                    let flow = mass * policy[s * A + a]
                    if flow == 0 { continue }
                    let row = (s * A + a) * S
                    for s2 in 0..<S where !mdp.terminal[s2] {
                        occupancy[next + s2] += flow * mdp.transitions[row + s2]
                    }
                }
            }
        }

        // Backward: Qₜ, Vₜ from t = H − 1 down to 0, accumulating the three weightings of Aₜ.
        var nextValue = [Double](repeating: 0, count: S)
        var value = [Double](repeating: 0, count: S)
        var q = [Double](repeating: 0, count: A)
        var discounted = [Double](repeating: 0, count: S * A)
        var undiscounted = [Double](repeating: 0, count: S * A)
        var squared = [Double](repeating: 0, count: S * A)
        for t in stride(from: H - 1, through: 0, by: -1) {
            let gammaToT = Foundation.pow(gamma, Double(t))
            for s in 0..<S {
                if mdp.terminal[s] {
                    value[s] = 0
                    continue
                }
                var v = 0.0
                for a in 0..<A {
                    let row = (s * A + a) * S
                    var future = 0.0
                    for s2 in 0..<S { future += mdp.transitions[row + s2] * nextValue[s2] }
                    q[a] = mdp.rewards[s * A + a] + gamma * future
                    v += policy[s * A + a] * q[a]
                }
                value[s] = v
                let mass = occupancy[t * S + s]
                if mass == 0 { continue }
                for a in 0..<A {
                    let term = mass * policy[s * A + a] * (q[a] - v)
                    discounted[s * A + a] += gammaToT * term
                    undiscounted[s * A + a] += term
                    squared[s * A + a] += gammaToT * gammaToT * term
                }
            }
            swap(&value, &nextValue)
        }
        // After the last swap, nextValue holds V₀ (terminal entries are 0).
        var j = 0.0
        for s in 0..<S { j += mdp.initial[s] * nextValue[s] }
        objective = j
        initialValues = nextValue
        gradient = discounted
        undiscountedWeightSum = undiscounted
        squaredWeightSum = squared
    }

    /// Evaluates the softmax policy with logits `logits[s * actions + a]` = z[s][a].
    public init(mdp: TabularMDP, gamma: Double, logits: [Double]) {
        self.init(mdp: mdp, gamma: gamma, policy: Self.softmax(logits: logits, actions: mdp.actions))
    }

    /// The exact expectation of a REINFORCE estimate per logit, flat `[states × actions]`.
    ///
    /// `rewardToGo` uses Gₜ (true) or G₀ (false); `discountWeighting` multiplies term t by γᵗ.
    /// See the table in the type's documentation; (true, true) and (false, false) equal `gradient`.
    public func expectedEstimate(rewardToGo: Bool, discountWeighting: Bool) -> [Double] {
        switch (rewardToGo, discountWeighting) {
        case (true, true), (false, false): return gradient
        case (true, false): return undiscountedWeightSum
        case (false, true): return squaredWeightSum
        }
    }

    /// max over all policies of J_H, by finite-horizon value iteration.
    ///
    ///     V*_H = 0,  V*ₜ(s) = maxₐ [ r(s,a) + γ Σ_{s'∉T} P(s'|s,a) V*ₜ₊₁(s') ]  (s ∉ T),
    ///     J*_H = Σ_{s∉T} μ(s) V*₀(s).
    ///
    /// The maximizing policy is deterministic but in general non-stationary (its action
    /// depends on the remaining horizon), so a stationary policy, such as the ones
    /// `ExactPolicyGradient` evaluates, may fall short of this value.
    public static func optimalObjective(mdp: TabularMDP, gamma: Double) -> Double {
        precondition(gamma > 0 && gamma <= 1, "gamma must be in (0, 1]")
        let S = mdp.states
        let A = mdp.actions
        var nextValue = [Double](repeating: 0, count: S)
        var value = [Double](repeating: 0, count: S)
        for _ in 0..<mdp.horizon {
            for s in 0..<S {
                if mdp.terminal[s] {
                    value[s] = 0
                    continue
                }
                var best = -Double.infinity
                for a in 0..<A {
                    let row = (s * A + a) * S
                    var future = 0.0
                    for s2 in 0..<S { future += mdp.transitions[row + s2] * nextValue[s2] }
                    best = max(best, mdp.rewards[s * A + a] + gamma * future)
                }
                value[s] = best
            }
            swap(&value, &nextValue)
        }
        var j = 0.0
        for s in 0..<S { j += mdp.initial[s] * nextValue[s] }
        return j
    }

    /// π(·|s) = softmax(z[s]) row by row, flat `[states × actions]`; stable (max subtracted).
    public static func softmax(logits: [Double], actions: Int) -> [Double] {
        precondition(actions > 0 && logits.count % actions == 0, "logits must have states × actions entries")
        var probabilities = [Double](repeating: 0, count: logits.count)
        var start = 0
        while start < logits.count {
            var top = -Double.infinity
            for i in start..<(start + actions) { top = max(top, logits[i]) }
            var total = 0.0
            for i in start..<(start + actions) {
                let e = Foundation.exp(logits[i] - top)
                probabilities[i] = e
                total += e
            }
            for i in start..<(start + actions) { probabilities[i] /= total }
            start += actions
        }
        return probabilities
    }
}
