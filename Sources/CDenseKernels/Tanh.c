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

/// tanh of one vector of type `vec` (`f8` or `f16`, with `select` to match): the clamp, then
/// p / q. Comparisons are false for NaN, which passes through as the Swift form lets it.
#define tanh_vector(vec, select, value) ({ \
    const vec low_ = (vec){} - PG_TANH_CLAMP, high_ = (vec){} + PG_TANH_CLAMP; \
    vec v_ = (value); \
    v_ = select(v_ < low_, low_, v_); \
    v_ = select(v_ > high_, high_, v_); \
    vec s_ = v_ * v_; \
    PG_TANH_P(v_, s_) / PG_TANH_Q(s_); })

PG_INLINE void tanh_body(int lanes, float *values, long count) {
    long i = 0;
    // Two independent vectors per step: each evaluation is a chain of dependent operations.
    if (lanes == 16) {
        for (; i + 32 <= count; i += 32) {
            f16 t0 = tanh_vector(f16, select16, load16(values + i));
            f16 t1 = tanh_vector(f16, select16, load16(values + i + 16));
            store16(values + i, t0);
            store16(values + i + 16, t1);
        }
    }
    for (; i + 16 <= count; i += 16) {
        f8 t0 = tanh_vector(f8, select8, load8(values + i));
        f8 t1 = tanh_vector(f8, select8, load8(values + i + 8));
        store8(values + i, t0);
        store8(values + i + 8, t1);
    }
    for (; i + 8 <= count; i += 8) store8(values + i, tanh_vector(f8, select8, load8(values + i)));
    for (; i < count; i++) {
        float v = values[i];
        v = v < -PG_TANH_CLAMP ? -PG_TANH_CLAMP : v;
        v = v > PG_TANH_CLAMP ? PG_TANH_CLAMP : v;
        float s = v * v;
        values[i] = PG_TANH_P(v, s) / PG_TANH_Q(s);
    }
}

PG_VERSIONS(tanh, (float *values, long count), (values, count))
