/// The hidden-layer nonlinearity of an MLP.
public enum ActivationFunction: String, Sendable, CaseIterable {
    /// `tanh(x)`, evaluated with `FastTanh`; derivative `1 − y²` from the output `y`.
    case tanh
    /// `max(x, 0)`; derivative `1` where the output is positive, else `0`.
    case relu

    /// Applies the activation to `values[0..<count]` in place.
    @inline(__always)
    func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .tanh:
            FastTanh.apply(values, count: count)
        case .relu:
            var i = 0
            let raw = UnsafeMutableRawPointer(values)
            while i + 8 <= count {
                let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                raw.storeBytes(of: v.replacing(with: 0, where: v .< 0), toByteOffset: i * 4, as: SIMD8<Float>.self)
                i += 8
            }
            while i < count {
                if values[i] < 0 { values[i] = 0 }
                i += 1
            }
        }
    }

    /// `delta[k] *= f'(x_k)` written in terms of the outputs `y = f(x)`.
    @inline(__always)
    func backpropagate(
        _ delta: UnsafeMutablePointer<Float>, outputs y: UnsafePointer<Float>, count: Int
    ) {
        let rawD = UnsafeMutableRawPointer(delta)
        let rawY = UnsafeRawPointer(y)
        var i = 0
        switch self {
        case .tanh:
            while i + 8 <= count {
                let d = rawD.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let v = rawY.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                rawD.storeBytes(of: d * (1 - v * v), toByteOffset: i * 4, as: SIMD8<Float>.self)
                i += 8
            }
            while i < count {
                delta[i] *= 1 - y[i] * y[i]
                i += 1
            }
        case .relu:
            while i + 8 <= count {
                let d = rawD.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let v = rawY.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                rawD.storeBytes(
                    of: d.replacing(with: 0, where: v .<= 0), toByteOffset: i * 4, as: SIMD8<Float>.self)
                i += 8
            }
            while i < count {
                if y[i] <= 0 { delta[i] = 0 }
                i += 1
            }
        }
    }
}
