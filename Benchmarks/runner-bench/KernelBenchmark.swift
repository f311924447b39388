import Foundation
import PolicyGradient

/// Achieved GFLOP/s of each dense kernel on the shapes of a PPO minibatch (256 rows through a
/// `[4, 64, 64, 2]` network): the forward `Y = X Wᵀ + b`, the input gradient `dX = dY W` and the
/// weight gradient `dW += dYᵀ X`, each counted as `2 · rows · in · out` floating-point operations, in every compiled version
/// this machine runs.
enum KernelBenchmark {
    /// `(rows, in, out)` of the three layers of a 64x64 policy on CartPole, one minibatch.
    static let shapes = [(256, 4, 64), (256, 64, 64), (256, 64, 2)]

    static func run() {
        print("")
        print("dense kernels: \(DenseKernels.InstructionSet.selected.rawValue) selected on this machine")
        for isa in DenseKernels.InstructionSet.allCases where isa.isSupported {
            for (rows, inSize, outSize) in shapes { run(isa, rows: rows, inSize: inSize, outSize: outSize) }
        }
    }

    /// The three kernels of one layer shape, in one compiled version.
    static func run(_ isa: DenseKernels.InstructionSet, rows: Int, inSize: Int, outSize: Int) {
        let w = randomBuffer(outSize * inSize), b = randomBuffer(outSize)
        let x = randomBuffer(rows * inSize), y = randomBuffer(rows * outSize)
        let dy = randomBuffer(rows * outSize), dx = randomBuffer(rows * inSize)
        let dw = randomBuffer(outSize * inSize), db = randomBuffer(outSize)
        defer { for p in [w, b, x, y, dy, dx, dw, db] { p.deallocate() } }
        let flops = 2.0 * Double(rows * inSize * outSize)
        let tag = isa.rawValue
        measure("kernel \(tag) affine   Y = X Wt + b  \(rows)x\(inSize)x\(outSize)", flops: flops) {
            DenseKernels.affine(
                weights: w, bias: b, input: x, output: y, rows: rows, inSize: inSize, outSize: outSize, using: isa)
        }
        measure("kernel \(tag) backward dX = dY W     \(rows)x\(outSize)x\(inSize)", flops: flops) {
            DenseKernels.transposedProduct(
                weights: w, outputGradient: dy, inputGradient: dx, rows: rows, inSize: inSize, outSize: outSize,
                using: isa)
        }
        measure("kernel \(tag) backward dW += dYt X   \(outSize)x\(rows)x\(inSize)", flops: flops) {
            DenseKernels.accumulateOuterProducts(
                outputGradient: dy, input: x, weightGradient: dw, biasGradient: db,
                rows: rows, inSize: inSize, outSize: outSize, using: isa)
            // Keeps the accumulated gradient bounded across thousands of calls.
            dw.update(repeating: 0, count: outSize * inSize)
        }
    }

    /// Prints the GFLOP/s of `body`, timed over batches of calls long enough for the clock.
    static func measure(_ name: String, flops: Double, _ body: () -> Void) {
        let calls = Swift.max(1, Int(2e7 / flops))
        let seconds = medianSeconds(repetitions: 7) {
            for _ in 0..<calls { body() }
        }
        report(name, flops * Double(calls) / seconds / 1e9, "GFLOP/s")
    }

    /// `count` values uniform in [-1, 1), from a fixed seed.
    static func randomBuffer(_ count: Int) -> UnsafeMutablePointer<Float> {
        var generator = RandomGenerator(seed: UInt64(count), stream: .diagnostics)
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = Float(generator.uniform(-1, 1)) }
        return p
    }
}
