/// A flat parameter vector θ and its gradient, in one contiguous Float32 allocation each.
///
/// Every learnable model (policy, critic, shared actor-critic network) lays its weights out in
/// one `ParameterBuffer`, so optimizers and gradient-norm clipping see a single vector.
/// Models are views at offsets into a buffer; a shared-trunk network puts the trunk, the
/// policy head and the value head in one buffer.
public final class ParameterBuffer {
    /// Number of parameters.
    public let count: Int
    /// θ, `count` values.
    public let values: UnsafeMutablePointer<Float>
    /// ∂(loss)/∂θ accumulated by backward passes, `count` values; cleared by `zeroGradient()`.
    public let gradient: UnsafeMutablePointer<Float>

    /// A zero-filled buffer of `count` parameters.
    public init(count: Int) {
        precondition(count >= 0)
        self.count = count
        values = .allocate(capacity: Swift.max(count, 1))
        values.initialize(repeating: 0, count: Swift.max(count, 1))
        gradient = .allocate(capacity: Swift.max(count, 1))
        gradient.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit {
        values.deallocate()
        gradient.deallocate()
    }

    /// Sets the gradient to 0.
    public func zeroGradient() {
        gradient.update(repeating: 0, count: count)
    }

    /// Copies θ from `other` (same count), e.g. to refresh a target network.
    public func copyValues(from other: ParameterBuffer) {
        precondition(other.count == count, "parameter counts differ")
        values.update(from: other.values, count: count)
    }

    /// θ as an array (a copy).
    public var parameterArray: [Float] {
        get { Array(UnsafeBufferPointer(start: values, count: count)) }
        set {
            precondition(newValue.count == count)
            newValue.withUnsafeBufferPointer { values.update(from: $0.baseAddress!, count: count) }
        }
    }

    /// The gradient as an array (a copy).
    public var gradientArray: [Float] {
        get { Array(UnsafeBufferPointer(start: gradient, count: count)) }
        set {
            precondition(newValue.count == count)
            newValue.withUnsafeBufferPointer { gradient.update(from: $0.baseAddress!, count: count) }
        }
    }
}
