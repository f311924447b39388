/// An optional trunk MLP feeding a head MLP: `head(trunk(x))`, or `head(x)` without a trunk.
///
/// The building block of network policies and critics. With a shared trunk, a policy and a
/// critic each hold a `TrunkedNetwork` over the same trunk object: each forward recomputes the
/// trunk rows (same observations give the same rows), and each backward adds its loss's
/// gradient through the trunk, so both losses reach the shared parameters.
public final class TrunkedNetwork {
    /// Shared feature layers (activation on their output), or nil.
    public let trunk: MLP?
    /// The layers producing the outputs.
    public let head: MLP
    /// ∂L/∂(trunk output), `[rows × trunk.outputSize]`.
    private let trunkGradient: ScratchBuffer<Float>

    /// `head(trunk(x))`; the head's input width must equal the trunk's output width.
    public init(trunk: MLP?, head: MLP) {
        if let trunk {
            precondition(trunk.outputSize == head.inputSize && trunk.buffer === head.buffer)
        }
        self.trunk = trunk
        self.head = head
        trunkGradient = ScratchBuffer(capacity: trunk.map { $0.outputSize * $0.capacity } ?? 1, zero: 0)
    }

    /// Input width.
    public var inputSize: Int { trunk?.inputSize ?? head.inputSize }
    /// Output width.
    public var outputSize: Int { head.outputSize }

    /// Forward of `count` inputs into rows `row..<row+count`; returns the outputs.
    @discardableResult
    public func forward(_ input: UnsafePointer<Float>, count: Int, row: Int) -> UnsafeMutablePointer<Float> {
        if let trunk {
            let features = trunk.forward(input, count: count, row: row)
            return head.forward(features, count: count, row: row)
        }
        return head.forward(input, count: count, row: row)
    }

    /// Outputs of a forwarded row.
    public func output(row: Int) -> UnsafeMutablePointer<Float> { head.output(row: row) }

    /// Adds ∂L/∂θ (trunk and head) for the given ∂L/∂outputs of rows `row..<row+count`.
    public func backward(outputGradient: UnsafePointer<Float>, count: Int, row: Int) {
        guard let trunk else {
            head.backward(outputGradient: outputGradient, count: count, row: row)
            return
        }
        trunkGradient.reserve(count * trunk.outputSize)
        let features = trunkGradient.pointer
        head.backward(outputGradient: outputGradient, count: count, row: row, inputGradient: features)
        trunk.backward(outputGradient: features, count: count, row: row)
    }
}
