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
    private let logitStorage: ScratchBuffer<Float>
    private let probabilityStorage: ScratchBuffer<Float>
    private let logProbabilityStorage: ScratchBuffer<Float>
    private let entropyStorage: ScratchBuffer<Float>
    private let logitGradientStorage: ScratchBuffer<Float>

    /// `[capacity × k]`.
    public var logits: UnsafeMutablePointer<Float> { logitStorage.pointer }
    /// `[capacity × k]`, softmax of `logits`.
    public var probabilities: UnsafeMutablePointer<Float> { probabilityStorage.pointer }
    /// `[capacity × k]`, `logits − logsumexp(logits)`.
    public var logProbabilities: UnsafeMutablePointer<Float> { logProbabilityStorage.pointer }
    /// `[capacity]`.
    public var entropies: UnsafeMutablePointer<Float> { entropyStorage.pointer }
    /// `[capacity × k]` scratch for ∂L/∂logits.
    public var logitGradient: UnsafeMutablePointer<Float> { logitGradientStorage.pointer }

    /// A workspace for `actionCount` actions.
    public init(actionCount: Int, capacity: Int = 64) {
        precondition(actionCount > 0)
        self.actionCount = actionCount
        self.capacity = Swift.max(capacity, 1)
        let n = actionCount * self.capacity
        logitStorage = ScratchBuffer(capacity: n, zero: 0)
        probabilityStorage = ScratchBuffer(capacity: n, zero: 0)
        logProbabilityStorage = ScratchBuffer(capacity: n, zero: 0)
        entropyStorage = ScratchBuffer(capacity: self.capacity, zero: 0)
        logitGradientStorage = ScratchBuffer(capacity: n, zero: 0)
    }

    /// Grows to `rows` rows, keeping stored rows.
    public func reserve(rows: Int) {
        guard rows > capacity else { return }
        // Each buffer holds `capacity` rows, so each grows to the same new row count.
        let newCapacity = Swift.max(rows, capacity * 2)
        logitStorage.reserve(newCapacity * actionCount)
        probabilityStorage.reserve(newCapacity * actionCount)
        logProbabilityStorage.reserve(newCapacity * actionCount)
        entropyStorage.reserve(newCapacity)
        logitGradientStorage.reserve(newCapacity * actionCount)
        capacity = newCapacity
    }

    /// Computes probabilities, log-probabilities and entropies of rows `row..<row+count`
    /// from their logits (max-shifted, so large logits do not overflow).
    public func normalize(count: Int, row: Int) {
        let k = actionCount
        // Base pointers read once per batch, not once per row.
        let logits = logitStorage.pointer, probabilities = probabilityStorage.pointer
        let logProbabilities = logProbabilityStorage.pointer, entropies = entropyStorage.pointer
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
        let probabilities = probabilityStorage.pointer, logProbabilities = logProbabilityStorage.pointer
        let entropies = entropyStorage.pointer, logitGradient = logitGradientStorage.pointer
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
