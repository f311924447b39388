import PolicyGradient

/// The operands of one layer's kernels, uniform in [-1, 1) from a fixed seed; never freed (they
/// live as long as the benchmark process).
final class KernelBuffers: @unchecked Sendable {
    let w, b, x, y, dy, dx, dw, db: UnsafeMutablePointer<Float>

    init(rows: Int, inSize: Int, outSize: Int) {
        w = Self.random(outSize * inSize)
        b = Self.random(outSize)
        x = Self.random(rows * inSize)
        y = Self.random(rows * outSize)
        dy = Self.random(rows * outSize)
        dx = Self.random(rows * inSize)
        dw = Self.random(outSize * inSize)
        db = Self.random(outSize)
    }

    static func random(_ count: Int) -> UnsafeMutablePointer<Float> {
        var generator = RandomGenerator(seed: UInt64(count), stream: .diagnostics)
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = Float(generator.uniform(-1, 1)) }
        return p
    }
}
