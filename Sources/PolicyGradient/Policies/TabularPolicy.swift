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
    private let table: StateTable

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
        table = StateTable(states: states, width: actions, capacity: capacity)
        parameters = table.parameters
        distributions = CategoricalDistributions(actionCount: actions, capacity: capacity)
        // The layer view is [actions × states]; the table stores its transpose.
        let layer = UnsafeMutablePointer<Float>.allocate(capacity: states * actions)
        defer { layer.deallocate() }
        initialization.fill(layer, rows: actions, cols: states, gain: 0.01, using: &generator)
        for s in 0..<states {
            for a in 0..<actions { parameters.values[s * actions + a] = layer[a * states + s] }
        }
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        table.forward(observations, count: count, row: row)
        copyLogits(count: count, row: row)
    }

    /// Forward by state index instead of one-hot observation.
    public func forward(states indices: UnsafePointer<Int>, count: Int, row: Int) {
        table.forward(states: indices, count: count, row: row)
        copyLogits(count: count, row: row)
    }

    /// Copies `θ[s_r, ·]` into the logits of rows `row..<row+count` and normalizes them.
    private func copyLogits(count: Int, row: Int) {
        distributions.reserve(rows: row + count)
        table.gather(into: distributions.logits + row * actionCount, count: count, row: row)
        distributions.normalize(count: count, row: row)
    }

    public func backward(logitGradient: UnsafePointer<Float>, count: Int, row: Int) {
        table.backward(outputGradient: logitGradient, count: count, row: row)
    }
}
