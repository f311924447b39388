// The core's floating-point peak for one thread, measured: enough independent chains to cover
// the latency of an add (or a fused multiply-add) on both vector pipes, nothing but arithmetic
// in the loop. The dense kernels' GFLOP/s read as fractions of this.
#include "CorePeak.h"
#include <math.h>

#pragma clang fp contract(off)

typedef float f8 __attribute__((vector_size(32)));

#define CHAINS 12

#if defined(__x86_64__)
__attribute__((target("avx2"))) static float multiply_add_avx2(long iterations) {
    f8 a[CHAINS];
    for (int c = 0; c < CHAINS; c++) a[c] = (f8){0} + (float)c;
    f8 m = (f8){0} + 1e-9f, b = (f8){0} + 1.0001f;
    for (long k = 0; k < iterations; k++) {
#pragma unroll
        for (int c = 0; c < CHAINS; c++) a[c] = a[c] + m * b;
        // Keeps m and b in registers and opaque, so the product is not hoisted out of the loop.
        __asm__ volatile("" : "+x"(m), "+x"(b));
    }
    f8 s = (f8){0};
    for (int c = 0; c < CHAINS; c++) s = s + a[c];
    return s[0] + s[7];
}

__attribute__((target("avx2,fma"))) static float fused_avx2(long iterations) {
    f8 a[CHAINS];
    for (int c = 0; c < CHAINS; c++) a[c] = (f8){0} + (float)c;
    f8 m = (f8){0} + 1e-9f, b = (f8){0} + 1.0001f;
    for (long k = 0; k < iterations; k++) {
#pragma unroll
        for (int c = 0; c < CHAINS; c++) a[c] = __builtin_elementwise_fma(m, b, a[c]);
        __asm__ volatile("" : "+x"(m), "+x"(b));
    }
    f8 s = (f8){0};
    for (int c = 0; c < CHAINS; c++) s = s + a[c];
    return s[0] + s[7];
}
#endif

float core_peak_multiply_add(long iterations) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) return multiply_add_avx2(iterations);
#endif
    (void)iterations;
    return NAN;
}

float core_peak_fused(long iterations) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return fused_avx2(iterations);
#endif
    (void)iterations;
    return NAN;
}
