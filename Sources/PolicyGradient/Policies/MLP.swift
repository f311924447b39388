/// A multilayer perceptron `[in, hidden..., out]` over batches, with hand-written backprop.
///
/// Layer `l` computes `a_{l+1} = f(W_l a_l + b_l)` with `W_l` of shape `[size_{l+1} × size_l]`
/// (row-major) and `f` the activation; the last layer is affine unless `activateOutput`
/// (a trunk feeding heads). Parameters are a view at `offset` into a `ParameterBuffer`,
/// laid out `W_0, b_0, W_1, b_1, ...`; gradients accumulate at the same positions.
///
/// Rows: `forward` writes the activations of samples `row..<row+count` into a workspace that
/// keeps them, so a rollout can act with batches of 8 at rows 0, 8, 16, ... and the update
/// can call `backward` over all 40 rows without a second forward. The workspace grows on
/// demand (an allocation only when a row beyond the current capacity is first used).
public final class MLP {
    /// Layer widths `[in, hidden..., out]`.
    public let sizes: [Int]
    public let activation: ActivationFunction
    /// Whether the activation is also applied to the last layer.
    public let activateOutput: Bool
    /// The buffer holding this network's parameters.
    public let buffer: ParameterBuffer
    /// Index of `W_0[0, 0]` in `buffer`.
    public let offset: Int
    /// Number of parameters, `Σ_l size_{l+1} (size_l + 1)`.
    public let parameterCount: Int
    /// Rows the workspace holds without growing.
    public private(set) var capacity: Int

    @usableFromInline let weightOffsets: [Int]
    @usableFromInline let biasOffsets: [Int]
    /// `a_l` of every workspace row, `[capacity × sizes[l]]` per layer.
    let activations: [ScratchBuffer<Float>]
    /// Two `[capacity × maxWidth]` buffers the backward pass alternates between.
    let deltaA: ScratchBuffer<Float>
    let deltaB: ScratchBuffer<Float>
    let maxWidth: Int

    /// Parameters of an MLP with layer widths `sizes`.
    public static func parameterCount(sizes: [Int]) -> Int {
        var total = 0
        for l in 0..<(sizes.count - 1) { total += sizes[l + 1] * (sizes[l] + 1) }
        return total
    }

    /// A network viewing `buffer` from `offset`.
    public init(
        sizes: [Int], activation: ActivationFunction, activateOutput: Bool = false,
        buffer: ParameterBuffer, offset: Int = 0, capacity: Int = 64
    ) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 }, "an MLP needs at least [in, out]")
        self.sizes = sizes
        self.activation = activation
        self.activateOutput = activateOutput
        self.buffer = buffer
        self.offset = offset
        parameterCount = MLP.parameterCount(sizes: sizes)
        precondition(offset + parameterCount <= buffer.count, "buffer too small for the MLP")
        var w: [Int] = [], b: [Int] = []
        var position = offset
        for l in 0..<(sizes.count - 1) {
            w.append(position)
            position += sizes[l + 1] * sizes[l]
            b.append(position)
            position += sizes[l + 1]
        }
        weightOffsets = w
        biasOffsets = b
        maxWidth = sizes.max()!
        self.capacity = Swift.max(capacity, 1)
        let rows = self.capacity
        activations = sizes.map { ScratchBuffer(capacity: $0 * rows, zero: 0) }
        deltaA = ScratchBuffer(capacity: maxWidth * rows, zero: 0)
        deltaB = ScratchBuffer(capacity: maxWidth * rows, zero: 0)
    }

    /// A network with a buffer of its own.
    public convenience init(sizes: [Int], activation: ActivationFunction, activateOutput: Bool = false, capacity: Int = 64) {
        self.init(
            sizes: sizes, activation: activation, activateOutput: activateOutput,
            buffer: ParameterBuffer(count: MLP.parameterCount(sizes: sizes)), offset: 0, capacity: capacity)
    }

    /// Number of layers (weight matrices).
    public var layerCount: Int { sizes.count - 1 }
    /// Input width.
    public var inputSize: Int { sizes[0] }
    /// Output width.
    public var outputSize: Int { sizes[sizes.count - 1] }

    /// `W_l`, `[sizes[l+1] × sizes[l]]` row-major.
    public func weights(layer l: Int) -> UnsafeMutablePointer<Float> { buffer.values + weightOffsets[l] }
    /// `b_l`, `[sizes[l+1]]`.
    public func bias(layer l: Int) -> UnsafeMutablePointer<Float> { buffer.values + biasOffsets[l] }

    /// Initializes weights with `scheme` (hidden layers gain √2, the last layer `outputGain`; a
    /// trunk with `activateOutput` uses √2 throughout) and biases with `scheme.fillBias` (0 but
    /// for `uniform`), layer by layer: `W_0, b_0, W_1, b_1, ...`.
    public func initialize(
        _ scheme: WeightInitialization, outputGain: Float, using generator: inout RandomGenerator
    ) {
        for l in 0..<layerCount {
            let last = l == layerCount - 1 && !activateOutput
            scheme.fill(
                weights(layer: l), rows: sizes[l + 1], cols: sizes[l],
                gain: last ? outputGain : Float(2.0).squareRoot(), using: &generator)
            scheme.fillBias(bias(layer: l), rows: sizes[l + 1], fanIn: sizes[l], using: &generator)
        }
    }

    /// Grows the workspace to hold `rows` rows, keeping the stored activations.
    public func reserve(rows: Int) {
        guard rows > capacity else { return }
        // Every buffer holds `capacity` rows, so each grows to the same new row count.
        let newCapacity = Swift.max(rows, capacity * 2)
        for l in 0..<sizes.count { activations[l].reserve(sizes[l] * newCapacity) }
        deltaA.reserve(maxWidth * newCapacity)
        deltaB.reserve(maxWidth * newCapacity)
        capacity = newCapacity
    }

    /// Stored input of layer `l` (the activations `a_l`) of workspace row `row`, `[sizes[l]]`.
    public func layerInput(_ l: Int, row: Int) -> UnsafeMutablePointer<Float> {
        activations[l].pointer + row * sizes[l]
    }

    /// Stored output of workspace row `row` (`[outputSize]`).
    public func output(row: Int) -> UnsafeMutablePointer<Float> {
        activations[sizes.count - 1].pointer + row * outputSize
    }

    /// Forward pass of `count` samples `input` (`[count × inputSize]`) into rows `row..<row+count`;
    /// returns the outputs `[count × outputSize]` (valid until those rows are overwritten).
    @discardableResult
    public func forward(_ input: UnsafePointer<Float>, count: Int, row: Int = 0) -> UnsafeMutablePointer<Float> {
        reserve(rows: row + count)
        let x0 = activations[0].pointer + row * sizes[0]
        if UnsafePointer(x0) != input { x0.update(from: input, count: count * sizes[0]) }
        let layers = sizes.count - 1
        for l in 0..<layers {
            let inSize = sizes[l], outSize = sizes[l + 1]
            let y = activations[l + 1].pointer + row * outSize
            DenseKernels.affine(
                weights: buffer.values + weightOffsets[l], bias: buffer.values + biasOffsets[l],
                input: activations[l].pointer + row * inSize, output: y,
                rows: count, inSize: inSize, outSize: outSize)
            if l < layers - 1 || activateOutput { activation.apply(y, count: count * outSize) }
        }
        return activations[layers].pointer + row * outputSize
    }

    /// Backward pass for rows `row..<row+count` of the last forward: given `outputGradient`
    /// `= ∂L/∂output` (`[count × outputSize]`), adds ∂L/∂θ into the gradient buffer and, when
    /// `inputGradient` is given, writes ∂L/∂input (`[count × inputSize]`) there (overwriting).
    public func backward(
        outputGradient: UnsafePointer<Float>, count: Int, row: Int = 0,
        inputGradient: UnsafeMutablePointer<Float>? = nil
    ) {
        precondition(row + count <= capacity, "backward over rows never forwarded")
        let layers = sizes.count - 1
        let deltaA = self.deltaA.pointer, deltaB = self.deltaB.pointer
        var delta: UnsafeMutablePointer<Float>
        var spare = deltaB
        if activateOutput {
            deltaA.update(from: outputGradient, count: count * outputSize)
            activation.backpropagate(deltaA, outputs: output(row: row), count: count * outputSize)
            delta = deltaA
        } else {
            // The last layer is affine: ∂L/∂(pre-activation) is the given gradient itself.
            delta = UnsafeMutablePointer(mutating: outputGradient)
            spare = deltaA
        }
        var l = layers - 1
        while l >= 0 {
            let inSize = sizes[l], outSize = sizes[l + 1]
            let x = activations[l].pointer + row * inSize
            DenseKernels.accumulateOuterProducts(
                outputGradient: delta, input: x,
                weightGradient: buffer.gradient + weightOffsets[l], biasGradient: buffer.gradient + biasOffsets[l],
                rows: count, inSize: inSize, outSize: outSize)
            if l > 0 {
                DenseKernels.transposedProduct(
                    weights: buffer.values + weightOffsets[l], outputGradient: delta, inputGradient: spare,
                    rows: count, inSize: inSize, outSize: outSize)
                activation.backpropagate(spare, outputs: x, count: count * inSize)
                let used = delta
                delta = spare
                spare = (used == deltaA || used == deltaB) ? used : (spare == deltaA ? deltaB : deltaA)
            } else if let inputGradient {
                DenseKernels.transposedProduct(
                    weights: buffer.values + weightOffsets[l], outputGradient: delta, inputGradient: inputGradient,
                    rows: count, inSize: inSize, outSize: outSize)
            }
            l -= 1
        }
    }
}
