/// A value table: `V(s) = θ[s]` or `Q(s, a) = θ[s, a]`, indexed by one-hot observations (argmax),
/// initialized to 0.
public final class TabularCritic: Critic {
    public let parameters: ParameterBuffer
    /// Number of states.
    public let states: Int
    public let outputCount: Int
    public var observationSize: Int { states }
    private var stateIndices: UnsafeMutablePointer<Int>
    private var capacity: Int
    private var scratch: UnsafeMutablePointer<Float>
    private var scratchCapacity: Int

    /// A zero table of `states × outputs`.
    public init(states: Int, outputs: Int = 1, capacity: Int = 64) {
        precondition(states > 0 && outputs > 0)
        self.states = states
        outputCount = outputs
        parameters = ParameterBuffer(count: states * outputs)
        self.capacity = Swift.max(capacity, 1)
        stateIndices = .allocate(capacity: self.capacity)
        stateIndices.initialize(repeating: 0, count: self.capacity)
        scratchCapacity = self.capacity
        scratch = .allocate(capacity: outputs * scratchCapacity)
    }

    deinit {
        stateIndices.deallocate()
        scratch.deallocate()
    }

    private func reserve(rows: Int) {
        guard rows > capacity else { return }
        let newCapacity = Swift.max(rows, capacity * 2)
        let p = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        p.initialize(repeating: 0, count: newCapacity)
        p.update(from: stateIndices, count: capacity)
        stateIndices.deallocate()
        stateIndices = p
        capacity = newCapacity
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        reserve(rows: row + count)
        for i in 0..<count {
            let o = observations + i * states
            var best = 0
            for s in 1..<states where o[s] > o[best] { best = s }
            stateIndices[row + i] = best
        }
    }

    /// Forward by state index instead of one-hot observation.
    public func forward(states indices: UnsafePointer<Int>, count: Int, row: Int) {
        reserve(rows: row + count)
        for i in 0..<count {
            precondition(indices[i] >= 0 && indices[i] < states)
            stateIndices[row + i] = indices[i]
        }
    }

    public func output(row: Int) -> UnsafeMutablePointer<Float> {
        parameters.values + stateIndices[row] * outputCount
    }

    public func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int) {
        let k = outputCount
        for i in 0..<count {
            let g = parameters.gradient + stateIndices[row + i] * k
            for j in 0..<k { g[j] += outputGradient[i * k + j] }
        }
    }

    public func outputGradientScratch(count: Int) -> UnsafeMutablePointer<Float> {
        if count > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = Swift.max(count, scratchCapacity * 2)
            scratch = .allocate(capacity: outputCount * scratchCapacity)
        }
        return scratch
    }

    public func makeTarget() -> any Critic {
        let copy = TabularCritic(states: states, outputs: outputCount, capacity: capacity)
        copy.parameters.copyValues(from: parameters)
        return copy
    }
}
