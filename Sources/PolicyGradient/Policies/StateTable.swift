/// A parameter table `θ[states × width]` (row-major) read at the state of each one-hot observation.
///
/// The tabular policy (width = actions, a row of logits) and the tabular critic (width = outputs,
/// V or Q) are the same model: output `i` of workspace row `r` is `θ[s_r, i]`, where `s_r` is the
/// argmax of the row's observation (or a given index). `forward` records `s_r` for rows
/// `row..<row+count`, growing on demand (an allocation only when a row beyond the current capacity
/// is first used), so `backward` can add `∂L/∂θ[s_r, ·] += g_r` without the observations.
final class StateTable {
    /// θ and its gradient, `states × width` each.
    let parameters: ParameterBuffer
    /// Number of states (the one-hot observation length).
    let states: Int
    /// Outputs per state.
    let width: Int
    /// `s_r` of each forwarded workspace row.
    private let stateIndices: ScratchBuffer<Int>

    /// A zero table of `states × width` with room for `capacity` rows.
    init(states: Int, width: Int, capacity: Int) {
        precondition(states > 0 && width > 0)
        self.states = states
        self.width = width
        parameters = ParameterBuffer(count: states * width)
        stateIndices = ScratchBuffer(capacity: capacity, zero: 0)
    }

    /// Rows the workspace holds without growing.
    var capacity: Int { stateIndices.capacity }

    /// Records `s_r = argmax_j obs[i, j]` (first maximum on ties) for `observations`
    /// (`[count × states]`) at rows `row..<row+count`.
    func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        stateIndices.reserve(row + count)
        let indices = stateIndices.pointer + row
        for i in 0..<count {
            let o = observations + i * states
            var best = 0
            for s in 1..<states where o[s] > o[best] { best = s }
            indices[i] = best
        }
    }

    /// Records the given state indices (`[count]`, each in `0..<states`) at rows `row..<row+count`.
    func forward(states indices: UnsafePointer<Int>, count: Int, row: Int) {
        stateIndices.reserve(row + count)
        let rows = stateIndices.pointer + row
        for i in 0..<count {
            precondition(indices[i] >= 0 && indices[i] < states, "state out of range")
            rows[i] = indices[i]
        }
    }

    /// `θ[s_r, ·]` of a forwarded row, `[width]`.
    func output(row: Int) -> UnsafeMutablePointer<Float> {
        parameters.values + stateIndices.pointer[row] * width
    }

    /// Copies `θ[s_r, ·]` of the forwarded rows `row..<row+count` into `destination`
    /// (`[count × width]`).
    func gather(into destination: UnsafeMutablePointer<Float>, count: Int, row: Int) {
        let indices = stateIndices.pointer + row
        for i in 0..<count {
            (destination + i * width).update(from: parameters.values + indices[i] * width, count: width)
        }
    }

    /// Adds `outputGradient` (`[count × width]`) row by row into `∂L/∂θ[s_r, ·]` for the
    /// forwarded rows `row..<row+count`; rows sharing a state accumulate.
    func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int) {
        let k = width
        let indices = stateIndices.pointer + row
        for i in 0..<count {
            let g = parameters.gradient + indices[i] * k
            for j in 0..<k { g[j] += outputGradient[i * k + j] }
        }
    }
}
