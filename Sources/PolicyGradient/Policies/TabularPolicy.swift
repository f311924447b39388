/// A softmax policy with one logit per (state, action): `logits(s) = θ[s, ·]`.
///
/// Observations are one-hot state vectors; the state is the index of the largest entry.
/// Parameters: the table `[states × actions]` row-major.
public final class TabularPolicy: DiscretePolicy {
    public let parameters: ParameterBuffer
    public let distributions: CategoricalDistributions
    /// Number of states (the observation length).
    public let states: Int
    public let actionCount: Int
    public var observationSize: Int { states }
    private var stateIndices: UnsafeMutablePointer<Int>
    private var indexCapacity: Int

    /// A table for `states × actions`, initialized by `initialization` (`zeros` by default;
    /// `normal` draws N(0, 1/states), as a linear layer on one-hot inputs would; `orthogonal`
    /// treats the table's transpose as a head layer with gain 0.01).
    public init(
        states: Int, actions: Int, initialization: WeightInitialization = .zeros,
        using generator: inout RandomGenerator, capacity: Int = 64
    ) {
        precondition(states > 0 && actions > 0)
        self.states = states
        actionCount = actions
        parameters = ParameterBuffer(count: states * actions)
        distributions = CategoricalDistributions(actionCount: actions, capacity: capacity)
        indexCapacity = Swift.max(capacity, 1)
        stateIndices = .allocate(capacity: indexCapacity)
        stateIndices.initialize(repeating: 0, count: indexCapacity)
        // The layer view is [actions × states]; the table stores its transpose.
        let layer = UnsafeMutablePointer<Float>.allocate(capacity: states * actions)
        defer { layer.deallocate() }
        initialization.fill(layer, rows: actions, cols: states, gain: 0.01, using: &generator)
        for s in 0..<states {
            for a in 0..<actions { parameters.values[s * actions + a] = layer[a * states + s] }
        }
    }

    deinit { stateIndices.deallocate() }

    private func reserve(rows: Int) {
        distributions.reserve(rows: rows)
        guard rows > indexCapacity else { return }
        let newCapacity = Swift.max(rows, indexCapacity * 2)
        let p = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        p.initialize(repeating: 0, count: newCapacity)
        p.update(from: stateIndices, count: indexCapacity)
        stateIndices.deallocate()
        stateIndices = p
        indexCapacity = newCapacity
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        reserve(rows: row + count)
        for i in 0..<count {
            let o = observations + i * states
            var best = 0
            for s in 1..<states where o[s] > o[best] { best = s }
            setRow(row + i, state: best)
        }
        distributions.normalize(count: count, row: row)
    }

    /// Forward by state index instead of one-hot observation.
    public func forward(states indices: UnsafePointer<Int>, count: Int, row: Int) {
        reserve(rows: row + count)
        for i in 0..<count { setRow(row + i, state: indices[i]) }
        distributions.normalize(count: count, row: row)
    }

    private func setRow(_ r: Int, state s: Int) {
        precondition(s >= 0 && s < states, "state out of range")
        stateIndices[r] = s
        (distributions.logits + r * actionCount).update(from: parameters.values + s * actionCount, count: actionCount)
    }

    public func backward(logitGradient: UnsafePointer<Float>, count: Int, row: Int) {
        let k = actionCount
        for i in 0..<count {
            let g = parameters.gradient + stateIndices[row + i] * k
            for j in 0..<k { g[j] += logitGradient[i * k + j] }
        }
    }
}
