// tanh in place, the arithmetic of `FastTanh.evaluate` lane by lane: a clamp to [-c, c], then
// p(x) / q(x) by Horner's rule, never fused. The constants are the exact Float values of the
// Swift ones (as hexadecimal literals).
#include "CDenseKernels.h"
#include "Vectors.h"

#define PG_TANH_CLAMP 0x1.f9f09ep+2f
#define PG_TANH_P(x, x2) \
    ((((((-0x1.3e4b8p-52f * (x2) + 0x1.c266fcp-43f) * (x2) + -0x1.7a6ffep-34f) * (x2) + 0x1.b80082p-25f) \
        * (x2) + 0x1.f28694p-17f) * (x2) + 0x1.4e1bdap-11f) * (x2) + 0x1.40b3b8p-8f) * (x)
#define PG_TANH_Q(x2) \
    (((0x1.41a7bp-20f * (x2) + 0x1.f12bacp-14f) * (x2) + 0x1.29540ap-9f) * (x2) + 0x1.40b3bap-8f)

typedef int i8 __attribute__((vector_size(32)));
typedef int i16 __attribute__((vector_size(64)));

/// Lane by lane, `b` where `mask` is set (all ones), else `a`.
#define select8(mask, b, a) ({ i8 m_ = (mask); (f8)(((i8)(b) & m_) | ((i8)(a) & ~m_)); })
#define select16(mask, b, a) ({ i16 m_ = (mask); (f16)(((i16)(b) & m_) | ((i16)(a) & ~m_)); })

PG_INLINE void tanh_body(int lanes, float *values, long count) {
    long i = 0;
    if (lanes == 16) {
        const f16 low = splat16(-PG_TANH_CLAMP), high = splat16(PG_TANH_CLAMP);
        for (; i + 32 <= count; i += 32) {
            f16 v0 = load16(values + i), v1 = load16(values + i + 16);
            v0 = select16(v0 < low, low, v0);
            v1 = select16(v1 < low, low, v1);
            v0 = select16(v0 > high, high, v0);
            v1 = select16(v1 > high, high, v1);
            f16 s0 = v0 * v0, s1 = v1 * v1;
            store16(values + i, PG_TANH_P(v0, s0) / PG_TANH_Q(s0));
            store16(values + i + 16, PG_TANH_P(v1, s1) / PG_TANH_Q(s1));
        }
    }
    const f8 low = splat8(-PG_TANH_CLAMP), high = splat8(PG_TANH_CLAMP);
    // Two independent vectors per step: each evaluation is a chain of dependent operations.
    for (; i + 16 <= count; i += 16) {
        f8 v0 = load8(values + i), v1 = load8(values + i + 8);
        // Comparisons are false for NaN, which passes through as the Swift form lets it.
        v0 = select8(v0 < low, low, v0);
        v1 = select8(v1 < low, low, v1);
        v0 = select8(v0 > high, high, v0);
        v1 = select8(v1 > high, high, v1);
        f8 s0 = v0 * v0, s1 = v1 * v1;
        store8(values + i, PG_TANH_P(v0, s0) / PG_TANH_Q(s0));
        store8(values + i + 8, PG_TANH_P(v1, s1) / PG_TANH_Q(s1));
    }
    for (; i + 8 <= count; i += 8) {
        f8 v = load8(values + i);
        v = select8(v < low, low, v);
        v = select8(v > high, high, v);
        f8 s = v * v;
        store8(values + i, PG_TANH_P(v, s) / PG_TANH_Q(s));
    }
    for (; i < count; i++) {
        float v = values[i];
        v = v < -PG_TANH_CLAMP ? -PG_TANH_CLAMP : v;
        v = v > PG_TANH_CLAMP ? PG_TANH_CLAMP : v;
        float s = v * v;
        values[i] = PG_TANH_P(v, s) / PG_TANH_Q(s);
    }
}

PG_VERSIONS(tanh, (float *values, long count), (values, count))
