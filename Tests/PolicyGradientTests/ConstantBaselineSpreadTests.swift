import TestSupport
import Testing

@testable import PolicyGradient

/// `ConstantBaselineSpread` against the variance of X_k − b Y_k formed vector by vector.
struct ConstantBaselineSpreadTests {
    static let x: [[Double]] = [[1, 0, 2], [3, 2, -1], [2, 1, 0.5], [-1, 4, 1]]
    static let y: [[Double]] = [[1, 1, 0], [2, 1, 1], [0, 1, 0.5], [-2, 3, 0]]

    /// Σ_k ‖(X_k − bY_k) − mean‖² / (K − 1), two passes.
    static func twoPass(_ b: Double) -> Double {
        let g = zip(x, y).map { xk, yk in zip(xk, yk).map { $0 - b * $1 } }
        let mean = (0..<3).map { j in g.map { $0[j] }.reduce(0, +) / 4 }
        return g.reduce(0) { total, v in total + zip(v, mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } } / 3
    }

    static var spread: ConstantBaselineSpread {
        var s = ConstantBaselineSpread(dimension: 3)
        for (xk, yk) in zip(x, y) { s.add(x: xk, y: yk) }
        return s
    }

    @Test func everyConstantsVarianceAndTheLeast() {
        let s = Self.spread
        for b in [-1.0, 0, 0.5, 2] { #expect(isClose(s.variance(at: b), Self.twoPass(b), relative: 1e-12)) }
        let best = s.optimalConstant
        #expect(isClose(s.minimumVariance, Self.twoPass(best), relative: 1e-12))
        // The least on a fine grid around it is no lower.
        for step in -20...20 where step != 0 {
            #expect(Self.twoPass(best + Double(step) * 0.01) > s.minimumVariance)
        }
    }

    @Test func undefinedWithoutSpreadInY() {
        var s = ConstantBaselineSpread(dimension: 2)
        s.add(x: [1, 2], y: [1, 1])
        #expect(s.optimalConstant.isNaN && s.minimumVariance.isNaN && s.variance(at: 0).isNaN)
        s.add(x: [3, 2], y: [1, 1])
        #expect(s.optimalConstant.isNaN && s.minimumVariance.isNaN && s.variance(at: 0) == 2)
    }
}
