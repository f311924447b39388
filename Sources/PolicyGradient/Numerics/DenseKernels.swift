import CDenseKernels
import Foundation

/// Small dense Float32 kernels for batched fully connected layers.
///
/// Shapes (row-major, flat): a batch `X` is `[rows × inSize]`, a weight matrix `W` is
/// `[outSize × inSize]` (PyTorch's `nn.Linear` layout), a bias `b` is `[outSize]`, and a batch
/// `Y` or `dY` is `[rows × outSize]`. Every element is summed in the fixed order documented on
/// its kernel, and multiply and add are never fused, so results are bitwise reproducible.
///
/// The kernels are written in C (`Sources/CDenseKernels`), register-blocked, and compiled three
/// times from one source: for AVX-512 (sixteen-lane blocks where they measure faster: the weight
/// gradient), for AVX2 (eight lanes) and for the platform's baseline (on x86-64, SSE2). Every
/// version performs the same IEEE operations in the same order, so the one that runs never
/// changes a bit of a result (the tests run each). No kernel allocates.
public enum DenseKernels {
    /// A compiled version of the kernels.
    public enum InstructionSet: String, Sendable, CaseIterable {
        /// Runs on any machine of the platform.
        case baseline
        /// x86-64 with AVX2: eight-lane arithmetic in one instruction.
        case avx2
        /// x86-64 with AVX-512F: sixteen lanes, half the instructions for the same arithmetic.
        case avx512

        /// Whether this machine can run this version.
        public var isSupported: Bool { pg_dense_supports(code) != 0 }

        @usableFromInline var code: Int32 {
            switch self {
            case .baseline: Int32(PG_DENSE_BASELINE)
            case .avx2: Int32(PG_DENSE_AVX2)
            case .avx512: Int32(PG_DENSE_AVX512)
            }
        }

        /// The fastest version this machine runs (`avx512`, then `avx2`, then `baseline`), unless
        /// the environment variable `RUNNER_KERNELS` names another supported one.
        public static let selected: InstructionSet = {
            if let name = ProcessInfo.processInfo.environment["RUNNER_KERNELS"],
               let named = InstructionSet(rawValue: name), named.isSupported {
                return named
            }
            return [.avx512, .avx2].first(where: \.isSupported) ?? .baseline
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
