/// The policy a job trains, π_θ(a|s): a softmax over discrete actions or a diagonal Gaussian.
///
/// Everything training asks of a policy goes through here (forward, act, log π, entropy and
/// gradient accumulation), so that no caller needs to know which head it holds. Rows are the
/// policy's workspace rows: a forward pass at `row` fills rows `row..<row+count`, and the
/// other calls read them.
public enum PolicyModel {
    case discrete(any DiscretePolicy)
    case gaussian(GaussianPolicy)

    /// θ and its gradient (with a shared trunk, the same buffer as the critic's).
    public var parameters: ParameterBuffer {
        switch self {
        case .discrete(let p): p.parameters
        case .gaussian(let p): p.parameters
        }
    }

    /// Whether actions are continuous vectors (Gaussian) rather than indices.
    public var isContinuous: Bool {
        if case .gaussian = self { return true }
        return false
    }

    /// Exploration matrices for `copies` environment copies when the policy explores with gSDE.
    func makeExplorationMatrices(copies: Int, sampleFrequency: Int) -> ExplorationMatrices? {
        guard case .gaussian(let p) = self, p.isStateDependent else { return nil }
        return ExplorationMatrices(policy: p, copies: copies, sampleFrequency: sampleFrequency)
    }

    /// Values per action: 1 for a discrete action, the dimension of a continuous one.
    public var actionDimension: Int {
        switch self {
        case .discrete: 1
        case .gaussian(let p): p.actionSize
        }
    }

    /// Runs observations `[count × observationSize]` through the network into rows `row..<row+count`.
    @inline(__always)
    func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        switch self {
        case .discrete(let p): p.forward(observations, count: count, row: row)
        case .gaussian(let p): p.forward(observations, count: count, row: row)
        }
    }

    /// Draws (or picks greedily) an action for each of rows `row..<row+count` into `actions`
    /// (discrete) or `continuous` (`actionDimension` values each), and writes log π of each
    /// into `logProbs` when given. A gSDE policy samples row `row + i` with copy i's matrix of
    /// `exploration` (required then).
    @inline(__always)
    func act(
        row: Int, count: Int, greedy: Bool, generator: inout RandomGenerator,
        actions: UnsafeMutablePointer<Int>, continuous: UnsafeMutablePointer<Float>,
        logProbs: UnsafeMutablePointer<Float>?, exploration: ExplorationMatrices? = nil
    ) {
        switch self {
        case .discrete(let p):
            for i in 0..<count {
                let r = row + i
                let a = greedy ? p.greedyAction(row: r) : p.sampleAction(row: r, using: &generator)
                actions[i] = a
                if let logProbs { logProbs[i] = p.logProb(row: r, action: a) }
            }
        case .gaussian(let p):
            let dim = p.actionSize
            for i in 0..<count {
                let out = continuous + i * dim
                if greedy {
                    p.greedyAction(row: row + i, into: out)
                } else if p.isStateDependent {
                    guard let exploration else { preconditionFailure("a gSDE policy samples with exploration matrices") }
                    p.sampleAction(row: row + i, exploration: exploration.matrix(copy: i), into: out)
                } else {
                    p.sampleAction(row: row + i, into: out, using: &generator)
                }
                if let logProbs { logProbs[i] = p.logProb(row: row + i, action: out) }
            }
        }
    }

    /// log π(a_i|s_i) of rows `0..<count` for the given actions, into `logProb`.
    @inline(__always)
    func logProbs(
        actions: UnsafePointer<Int>, continuous: UnsafePointer<Float>, count: Int, into logProb: UnsafeMutablePointer<Float>
    ) {
        switch self {
        case .discrete(let p):
            for i in 0..<count { logProb[i] = p.logProb(row: i, action: actions[i]) }
        case .gaussian(let p):
            let dim = p.actionSize
            for i in 0..<count { logProb[i] = p.logProb(row: i, action: continuous + i * dim) }
        }
    }

    /// H(π(·|s)) of a forwarded row.
    @inline(__always)
    func entropy(row: Int) -> Float {
        switch self {
        case .discrete(let p): p.distributions.entropies[row]
        case .gaussian(let p): p.entropy(row: row)
        }
    }

    /// Σ_a π(a|s) · values[a] for a forwarded row of a discrete policy: the state value under π
    /// of action values Q(s, ·).
    @inline(__always)
    func expectation(of values: UnsafePointer<Float>, row: Int) -> Float {
        guard case .discrete(let p) = self else { preconditionFailure("an expectation over actions needs discrete actions") }
        let width = p.actionCount
        let probabilities = p.distributions.probabilities + row * width
        var v: Float = 0
        for a in 0..<width { v += probabilities[a] * values[a] }
        return v
    }

    /// Adds ∂/∂θ [Σ_i c_i log π(a_i|s_i) + β Σ_i H(π(·|s_i))] over rows `0..<count` to the gradient.
    func accumulateGradient(
        actions: UnsafePointer<Int>, continuous: UnsafePointer<Float>, coefficients c: UnsafePointer<Float>,
        entropyCoefficient beta: Float, count: Int
    ) {
        switch self {
        case .discrete(let p):
            p.accumulateGradient(
                actions: actions, logProbCoefficients: c, entropyCoefficient: beta, count: count, row: 0)
        case .gaussian(let p):
            p.accumulateGradient(
                actions: continuous, logProbCoefficients: c, entropyCoefficient: beta, count: count, row: 0)
        }
    }
}
