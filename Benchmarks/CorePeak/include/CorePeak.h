#ifndef CORE_PEAK_H
#define CORE_PEAK_H

/// Runs `iterations` steps of twelve independent eight-lane chains `a = a + m * b` (a multiply
/// rounded, then an add: the kernels' unfused arithmetic) with AVX2, and returns a value that
/// depends on every chain so that none is optimized away. Each step is 12 x 8 x 2 = 192
/// floating-point operations. Returns NaN when the machine has no AVX2.
float core_peak_multiply_add(long iterations);

/// The same chains with fused multiply-add (`fma(m, b, a)`, AVX2 + FMA): 192 operations a step.
float core_peak_fused(long iterations);

/// Floating-point operations in one step of either loop.
enum { CORE_PEAK_FLOPS_PER_STEP = 192 };

#endif
