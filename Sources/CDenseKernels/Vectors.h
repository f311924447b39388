// Eight- and sixteen-lane vectors, and the macro that compiles each kernel once per instruction set.
#ifndef C_DENSE_KERNELS_VECTORS_H
#define C_DENSE_KERNELS_VECTORS_H

#include <string.h>

// A product is rounded before it is added: the kernels promise unfused arithmetic.
#pragma clang fp contract(off)

#if defined(__x86_64__)
#define PG_HAS_AVX2_VERSION 1
/// Defines `name_avx512` (compiled for AVX-512F), `name_avx2` (for AVX2) and `name_baseline`
/// (for the platform's baseline) from one body, `name_body(lanes, ...)`, and the exported
/// `pg_dense_name` that runs the chosen one. `lanes` is the widest vector the body may use: 16
/// in the AVX-512 version, 8 in the others (a constant, so the other width's blocks compile away).
#define PG_VERSIONS(name, params, args) \
    __attribute__((target("avx512f"))) static void name##_avx512 params { name##_body(16, PG_UNPAREN args); } \
    __attribute__((target("avx2"))) static void name##_avx2 params { name##_body(8, PG_UNPAREN args); } \
    static void name##_baseline params { name##_body(8, PG_UNPAREN args); } \
    void pg_dense_##name(int instructionSet, PG_UNPAREN params) { \
        if (instructionSet == PG_DENSE_AVX512) name##_avx512 args; \
        else if (instructionSet == PG_DENSE_AVX2) name##_avx2 args; \
        else name##_baseline args; }
#else
#define PG_HAS_AVX2_VERSION 0
#define PG_VERSIONS(name, params, args) \
    void pg_dense_##name(int instructionSet, PG_UNPAREN params) { (void)instructionSet; name##_body(8, PG_UNPAREN args); }
#endif
#define PG_UNPAREN(...) __VA_ARGS__

#define PG_INLINE static inline __attribute__((always_inline))

typedef float f16 __attribute__((vector_size(64)));
typedef float f8 __attribute__((vector_size(32)));
typedef float f4 __attribute__((vector_size(16)));

// The vector helpers are macros, not functions: a function taking or returning an eight-lane
// vector would have a different calling convention in the two compiled versions.
#define load8(p) ({ f8 v_; memcpy(&v_, (p), sizeof v_); v_; })
#define store8(p, v) ({ f8 w_ = (v); memcpy((p), &w_, sizeof w_); })
#define load4(p) ({ f4 v_; memcpy(&v_, (p), sizeof v_); v_; })
#define splat8(s) ({ float s_ = (s); (f8){s_, s_, s_, s_, s_, s_, s_, s_}; })
#define zero8() splat8(0.0f)
#define load16(p) ({ f16 v_; memcpy(&v_, (p), sizeof v_); v_; })
#define store16(p, v) ({ f16 w_ = (v); memcpy((p), &w_, sizeof w_); })
#define splat16(s) ({ float s_ = (s); (f16){s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_}; })

/// `[a[0..4], b[0..4]]`.
#define join4(a, b) __builtin_shufflevector(load4(a), load4(b), 0, 1, 2, 3, 4, 5, 6, 7)

/// `[a[0..4], a[0..4]]`.
#define twice4(a) ({ f4 h_ = load4(a); __builtin_shufflevector(h_, h_, 0, 1, 2, 3, 0, 1, 2, 3); })

/// Eight four-lane sums `(s0 + s1) + (s2 + s3)`, of the low then high halves of `a`, `b`, `c`,
/// `d`, in that order: the horizontal step of a dot product whose lanes hold `i mod 4`.
#define totals8(a, b, c, d) ({ \
    f8 a_ = (a), b_ = (b), c_ = (c), d_ = (d); \
    f8 ab_ = __builtin_shufflevector(a_, b_, 0, 2, 8, 10, 4, 6, 12, 14) \
           + __builtin_shufflevector(a_, b_, 1, 3, 9, 11, 5, 7, 13, 15); \
    f8 cd_ = __builtin_shufflevector(c_, d_, 0, 2, 8, 10, 4, 6, 12, 14) \
           + __builtin_shufflevector(c_, d_, 1, 3, 9, 11, 5, 7, 13, 15); \
    f8 t_ = __builtin_shufflevector(ab_, cd_, 0, 2, 8, 10, 4, 6, 12, 14) \
          + __builtin_shufflevector(ab_, cd_, 1, 3, 9, 11, 5, 7, 13, 15); \
    __builtin_shufflevector(t_, t_, 0, 4, 1, 5, 2, 6, 3, 7); })

/// `Σ_i a[i] b[i]` in the affine order: four lane sums over `i ≡ 0...3 (mod 4)`, combined as
/// `(s0 + s1) + (s2 + s3)`, then the remaining terms in order.
PG_INLINE float dot_in_affine_order(const float *a, const float *b, long n) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 = s0 + a[i] * b[i];
        s1 = s1 + a[i + 1] * b[i + 1];
        s2 = s2 + a[i + 2] * b[i + 2];
        s3 = s3 + a[i + 3] * b[i + 3];
    }
    float s = (s0 + s1) + (s2 + s3);
    for (; i < n; i++) s = s + a[i] * b[i];
    return s;
}

#endif
