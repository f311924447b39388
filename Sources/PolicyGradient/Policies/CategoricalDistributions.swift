import Foundation

/// Workspace for a batch of categorical distributions `π(·|s) = softmax(logits)`.
///
/// Per row: `logits[k]`, `probabilities[k]`, `logProbabilities[k]` (`k = actionCount`) and the
/// entropy `H = −Σ_j p_j log p_j`; `logitGradient` is scratch for ∂/∂logits. Rows match the
/// rows of the policy's network workspace.
public final class CategoricalDistributions {
    /// Number of actions `k`.
    public let actionCount: Int
    /// Rows held without growing.
    public private(set) var capacity: Int
    /// `[capacity × k]`.
    public private(set) var logits: UnsafeMutablePointer<Float>
    /// `[capacity × k]`, softmax of `logits`.
    public private(set) var probabilities: UnsafeMutablePointer<Float>
    /// `[capacity × k]`, `logits − logsumexp(logits)`.
    public private(set) var logProbabilities: UnsafeMutablePointer<Float>
    /// `[capacity]`.
    public private(set) var entropies: UnsafeMutablePointer<Float>
    /// `[capacity × k]` scratch for ∂L/∂logits.
    public private(set) var logitGradient: UnsafeMutablePointer<Float>

    /// A workspace for `actionCount` actions.
    public init(actionCount: Int, capacity: Int = 64) {
        precondition(actionCount > 0)
        self.actionCount = actionCount
        self.capacity = Swift.max(capacity, 1)
        let n = actionCount * self.capacity
        logits = .allocate(capacity: n)
        probabilities = .allocate(capacity: n)
        logProbabilities = .allocate(capacity: n)
        entropies = .allocate(capacity: self.capacity)
        logitGradient = .allocate(capacity: n)
        for p in [logits, probabilities, logProbabilities, logitGradient] { p.initialize(repeating: 0, count: n) }
        entropies.initialize(repeating: 0, count: self.capacity)
    }

    deinit {
        logits.deallocate()
        probabilities.deallocate()
        logProbabilities.deallocate()
        entropies.deallocate()
        logitGradient.deallocate()
    }

    /// Grows to `rows` rows, keeping stored rows.
    public func reserve(rows: Int) {
        guard rows > capacity else { return }
        let newCapacity = Swift.max(rows, capacity * 2)
        func grow(_ p: UnsafeMutablePointer<Float>, _ width: Int) -> UnsafeMutablePointer<Float> {
            let q = UnsafeMutablePointer<Float>.allocate(capacity: width * newCapacity)
            q.initialize(repeating: 0, count: width * newCapacity)
            q.update(from: p, count: width * capacity)
            p.deallocate()
            return q
        }
        logits = grow(logits, actionCount)
        probabilities = grow(probabilities, actionCount)
        logProbabilities = grow(logProbabilities, actionCount)
        entropies = grow(entropies, 1)
        logitGradient = grow(logitGradient, actionCount)
        capacity = newCapacity
    }

    /// Computes probabilities, log-probabilities and entropies of rows `row..<row+count`
    /// from their logits (max-shifted, so large logits do not overflow).
    public func normalize(count: Int, row: Int) {
        let k = actionCount
        for r in row..<(row + count) {
            let l = logits + r * k
            let p = probabilities + r * k
            let lp = logProbabilities + r * k
            var top = l[0]
            for j in 1..<k { top = Swift.max(top, l[j]) }
            var sum: Float = 0
            for j in 0..<k {
                let e = Foundation.exp(l[j] - top)
                p[j] = e
                sum += e
            }
            let logSum = Foundation.log(sum)
            let inverse = 1 / sum
            var entropy: Float = 0
            for j in 0..<k {
                p[j] *= inverse
                lp[j] = (l[j] - top) - logSum
                entropy -= p[j] * lp[j]
            }
            entropies[r] = entropy
        }
    }

    /// Writes into `logitGradient` rows `row..<row+count` the gradient with respect to the logits of
    /// `Σ_i c_i log π(a_i|s_i) + β Σ_i w_i H(π(·|s_i))`:
    /// `∂/∂l_ij = c_i (1[j = a_i] − p_ij) − β w_i p_ij (log p_ij + H_i)`.
    /// `entropyWeights` nil means `w_i = 1`.
    public func objectiveGradient(
        actions: UnsafePointer<Int>, logProbCoefficients: UnsafePointer<Float>,
        entropyCoefficient beta: Float, entropyWeights: UnsafePointer<Float>?, count: Int, row: Int
    ) {
        let k = actionCount
        for i in 0..<count {
            let r = row + i
            let p = probabilities + r * k
            let lp = logProbabilities + r * k
            let g = logitGradient + r * k
            let c = logProbCoefficients[i]
            let h = entropies[r]
            let be = beta * (entropyWeights?[i] ?? 1)
            for j in 0..<k {
                g[j] = -c * p[j] - be * p[j] * (lp[j] + h)
            }
            let a = actions[i]
            precondition(a >= 0 && a < k, "action out of range")
            g[a] += c
        }
    }
}
