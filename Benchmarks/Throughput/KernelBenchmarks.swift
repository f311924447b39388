import Benchmark
import PolicyGradient

/// Achieved GFLOP/s of each dense kernel on the shapes of a PPO minibatch (256 rows through a
/// `[4, 64, 64, 2]` network), in every compiled version this machine runs: the forward
/// `Y = X Wᵀ + b`, the input gradient `dX = dY W` and the weight gradient `dW += dYᵀ X`, each
/// counted as `2 · rows · in · out` floating-point operations. The `GFLOP/s × 10` metric holds
/// the figure times ten (package-benchmark records integers).
enum KernelBenchmarks {
    /// `(rows, in, out)` of the three layers of a 64x64 policy on CartPole, one minibatch.
    static let shapes = [(256, 4, 64), (256, 64, 64), (256, 64, 2)]

    static let gigaflops = BenchmarkMetric.custom("GFLOP/s x 10", polarity: .prefersLarger, useScalingFactor: false)

    static func register() {
        for isa in DenseKernels.InstructionSet.allCases where isa.isSupported {
            for (rows, inSize, outSize) in shapes { register(isa, rows: rows, inSize: inSize, outSize: outSize) }
        }
    }

    /// The three kernels of one layer shape, in one compiled version.
    static func register(_ isa: DenseKernels.InstructionSet, rows: Int, inSize: Int, outSize: Int) {
        let buffers = KernelBuffers(rows: rows, inSize: inSize, outSize: outSize)
        let flops = 2.0 * Double(rows * inSize * outSize)
        let calls = max(1, Int(2e7 / flops))
        let configuration = Benchmark.Configuration(metrics: [.wallClock, gigaflops])
        func measure(_ name: String, _ kernel: @escaping @Sendable () -> Void) {
            Benchmark("kernel \(isa.rawValue) \(name)", configuration: configuration) { benchmark in
                let start = BenchmarkClock.now
                for _ in 0..<calls { kernel() }
                let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
                benchmark.measurement(gigaflops, Int((flops * Double(calls) / seconds / 1e8).rounded()))
            }
        }
        let b = buffers
        measure("affine   Y = X Wt + b  \(rows)x\(inSize)x\(outSize)") {
            DenseKernels.affine(
                weights: b.w, bias: b.b, input: b.x, output: b.y, rows: rows, inSize: inSize, outSize: outSize, using: isa)
        }
        measure("backward dX = dY W     \(rows)x\(outSize)x\(inSize)") {
            DenseKernels.transposedProduct(
                weights: b.w, outputGradient: b.dy, inputGradient: b.dx, rows: rows, inSize: inSize, outSize: outSize,
                using: isa)
        }
        measure("backward dW += dYt X   \(outSize)x\(rows)x\(inSize)") {
            DenseKernels.accumulateOuterProducts(
                outputGradient: b.dy, input: b.x, weightGradient: b.dw, biasGradient: b.db,
                rows: rows, inSize: inSize, outSize: outSize, using: isa)
            // Keeps the accumulated gradient bounded across thousands of calls.
            b.dw.update(repeating: 0, count: outSize * inSize)
        }
    }
}
