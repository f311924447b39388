import CDenseKernels
import Foundation

/// Small dense Float32 kernels for batched fully connected layers.
///
/// Shapes (row-major, flat): a batch `X` is `[rows × inSize]`, a weight matrix `W` is
/// `[outSize × inSize]` (PyTorch's `nn.Linear` layout), a bias `b` is `[outSize]`, and a batch
/// `Y` or `dY` is `[rows × outSize]`. Every element is summed in the fixed order documented on
/// its kernel, and multiply and add are never fused, so results are bitwise reproducible.
///
/// The kernels are written in C (`Sources/CDenseKernels`), register-blocked on eight-lane
/// vectors, and compiled twice from one source: for AVX2 and for the platform's baseline (on
/// x86-64, SSE2). Both versions perform the same IEEE operations in the same order, so the one
/// that runs never changes a bit of a result (the tests run both). No kernel allocates.
public enum DenseKernels {
    /// A compiled version of the kernels.
    public enum InstructionSet: String, Sendable, CaseIterable {
        /// Runs on any machine of the platform.
        case baseline
        /// x86-64 with AVX2: eight-lane arithmetic in one instruction.
        case avx2

        /// Whether this machine can run this version.
        public var isSupported: Bool { pg_dense_supports(code) != 0 }

        @usableFromInline var code: Int32 { self == .avx2 ? Int32(PG_DENSE_AVX2) : Int32(PG_DENSE_BASELINE) }

        /// The fastest version this machine runs, unless the environment variable
        /// `RUNNER_KERNELS` names another supported one (`baseline` or `avx2`).
        public static let selected: InstructionSet = {
            if let name = ProcessInfo.processInfo.environment["RUNNER_KERNELS"],
               let named = InstructionSet(rawValue: name), named.isSupported {
                return named
            }
            return avx2.isSupported ? .avx2 : .baseline
        }()
    }

    /// `Y = X Wᵀ + b`: `Y[r, o] = b[o] + Σ_i W[o, i] X[r, i]`.
    ///
    /// Every output sums in one order: four partial sums `s_k` over the inputs
    /// `i ≡ k (mod 4)` below the last multiple of 4, each from +0 in increasing `i`, combined as
    /// `(s₀ + s₁) + (s₂ + s₃)`, then the remaining inputs one by one, then the bias.
    @inlinable
    public static func affine(
        weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
        input x: UnsafePointer<Float>, output y: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, using isa: InstructionSet = .selected
    ) {
        pg_dense_affine(isa.code, w, b, x, y, rows, inSize, outSize)
    }

    /// The backward product `dX = dY W`: `dX[r, i] = Σ_o dY[r, o] W[o, i]` (overwrites `dX`).
    ///
    /// Each element sums from +0 over the outputs in increasing `o`.
    @inlinable
    public static func transposedProduct(
        weights w: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, using isa: InstructionSet = .selected
    ) {
        pg_dense_input_gradient(isa.code, w, dy, dx, rows, inSize, outSize)
    }

    /// Weight and bias gradients of `Y = X Wᵀ + b`, accumulated:
    /// `dW[o, i] += Σ_r dY[r, o] X[r, i]` and `db[o] += Σ_r dY[r, o]`.
    ///
    /// Each element adds its terms to its own running value, rows in increasing `r`.
    @inlinable
    public static func accumulateOuterProducts(
        outputGradient dy: UnsafePointer<Float>, input x: UnsafePointer<Float>,
        weightGradient dw: UnsafeMutablePointer<Float>, biasGradient db: UnsafeMutablePointer<Float>,
        rows: Int, inSize: Int, outSize: Int, using isa: InstructionSet = .selected
    ) {
        pg_dense_weight_gradient(isa.code, dy, x, dw, db, rows, inSize, outSize)
    }
}
