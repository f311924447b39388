/// A value table: `V(s) = θ[s]` or `Q(s, a) = θ[s, a]`, indexed by one-hot observations (argmax),
/// initialized to 0.
public final class TabularCritic: Critic {
    public let parameters: ParameterBuffer
    /// Number of states.
    public let states: Int
    public let outputCount: Int
    public var observationSize: Int { states }
    private let table: StateTable
    private let scratch: ScratchBuffer<Float>

    /// A zero table of `states × outputs`.
    public init(states: Int, outputs: Int = 1, capacity: Int = 64) {
        precondition(states > 0 && outputs > 0)
        self.states = states
        outputCount = outputs
        table = StateTable(states: states, width: outputs, capacity: capacity)
        parameters = table.parameters
        scratch = ScratchBuffer(capacity: outputs * table.capacity, zero: 0)
    }

    public func forward(_ observations: UnsafePointer<Float>, count: Int, row: Int) {
        table.forward(observations, count: count, row: row)
    }

    /// Forward by state index instead of one-hot observation.
    public func forward(states indices: UnsafePointer<Int>, count: Int, row: Int) {
        table.forward(states: indices, count: count, row: row)
    }

    public func output(row: Int) -> UnsafeMutablePointer<Float> { table.output(row: row) }

    public func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int) {
        table.backward(outputGradient: outputGradient, count: count, row: row)
    }

    public func outputGradientScratch(count: Int) -> UnsafeMutablePointer<Float> {
        scratch.reserve(count * outputCount)
        return scratch.pointer
    }

    public func makeTarget() -> any Critic {
        let copy = TabularCritic(states: states, outputs: outputCount, capacity: table.capacity)
        copy.parameters.copyValues(from: parameters)
        return copy
    }
}
