#ifndef C_DENSE_KERNELS_H
#define C_DENSE_KERNELS_H

/// Dense Float32 kernels for batched fully connected layers (row-major, flat; `W` is
/// `[outSize x inSize]`). The Swift type `DenseKernels` documents their shapes and summation
/// orders; these are their implementations. Each is compiled once per instruction set from one
/// source; every version performs the same IEEE operations in the same order (multiply and add
/// never fused), so the version never changes a bit of the result.

/// The versions: `PG_DENSE_BASELINE` runs on any machine of the platform, `PG_DENSE_AVX2` on
/// x86-64 machines with AVX2, `PG_DENSE_AVX512` on those with AVX-512F (see `pg_dense_supports`).
enum { PG_DENSE_BASELINE = 0, PG_DENSE_AVX2 = 1, PG_DENSE_AVX512 = 2 };

/// 1 when this machine can run that version of the kernels, else 0.
int pg_dense_supports(int instructionSet);

/// The C library's pow(x, y), never rewritten by the compiler (LibraryPower.c).
double pg_library_pow(double x, double y);

/// `y = x W^T + b`.
void pg_dense_affine(int instructionSet, const float *w, const float *b, const float *x, float *y,
                     long rows, long inSize, long outSize);

/// `dx = dy W` (overwrites `dx`).
void pg_dense_input_gradient(int instructionSet, const float *w, const float *dy, float *dx,
                             long rows, long inSize, long outSize);

/// `dw += dy^T x`, `db += column sums of dy`.
void pg_dense_weight_gradient(int instructionSet, const float *dy, const float *x, float *dw, float *db,
                              long rows, long inSize, long outSize);

/// `tanh` of `values[0..<count]` in place, as `FastTanh.evaluate` computes it.
void pg_dense_tanh(int instructionSet, float *values, long count);

#endif
