// y = x W^T + b, in the order documented on `DenseKernels.affine`.
#include "CDenseKernels.h"
#include "Vectors.h"

/// At most this many inputs are packed (`8 × 512` floats, 16 KiB on the stack); wider layers
/// read `W` in place.
#define PG_PACKED_INPUTS 512

/// Rows computed together by the wide forward kernel (2 measured faster than 3: twelve
/// accumulators leave too few of AVX2's sixteen registers).
#define PG_AFFINE_ROWS 2

/// Rows computed together by the sixteen-lane forward kernel (AVX-512 has 32 registers).
#ifndef PG_AFFINE_ROWS16
#define PG_AFFINE_ROWS16 4
#endif

/// Outputs `o..<o+8` of `W`, inputs `0..<in4`, in the order `affine_eight_outputs` reads them:
/// for each step of 4 inputs, the slices of outputs `(o, o+1)`, `(o+2, o+3)`, ... side by side.
PG_INLINE void affine_pack(const float *w, long inSize, long in4, long o, float *packed) {
    for (long i = 0; i < in4; i += 4)
        for (int k = 0; k < 8; k++) memcpy(packed + 8 * i + 4 * k, w + (o + k) * inSize + i, 4 * sizeof(float));
}

/// Outputs `o..<o+8` of `rowCount` (1 to 3) rows: two outputs share a vector, the lanes of each
/// half holding the four partial sums over `i mod 4`. `packed` is `affine_pack`'s layout of the
/// block, or NULL to read `W` in place.
PG_INLINE void affine_eight_outputs(const float *w, const float *packed, const float *b, const float *x,
                                    float *y, long inSize, long outSize, long o, int rowCount) {
    const long in4 = inSize & ~3L;
    const float *w0 = w + o * inSize;
    f8 acc[3][4];
    for (int r = 0; r < 3; r++)
        for (int p = 0; p < 4; p++) acc[r][p] = zero8();
    if (packed) {
        for (long i = 0; i < in4; i += 4) {
            f8 u[3];
            for (int r = 0; r < rowCount; r++) u[r] = twice4(x + r * inSize + i);
            for (int p = 0; p < 4; p++) {
                f8 v = load8(packed + 8 * i + 8 * p);
                for (int r = 0; r < rowCount; r++) acc[r][p] = acc[r][p] + v * u[r];
            }
        }
    } else {
        for (long i = 0; i < in4; i += 4) {
            f8 u[3];
            for (int r = 0; r < rowCount; r++) u[r] = twice4(x + r * inSize + i);
            for (int p = 0; p < 4; p++) {
                f8 v = join4(w0 + (2 * p) * inSize + i, w0 + (2 * p + 1) * inSize + i);
                for (int r = 0; r < rowCount; r++) acc[r][p] = acc[r][p] + v * u[r];
            }
        }
    }
    f8 bias = load8(b + o);
    for (int r = 0; r < rowCount; r++) {
        f8 s = totals8(acc[r][0], acc[r][1], acc[r][2], acc[r][3]);
        const float *xr = x + r * inSize;
        for (long i = in4; i < inSize; i++) {
            f8 column = {w0[i], w0[inSize + i], w0[2 * inSize + i], w0[3 * inSize + i],
                         w0[4 * inSize + i], w0[5 * inSize + i], w0[6 * inSize + i], w0[7 * inSize + i]};
            s = s + column * splat8(xr[i]);
        }
        store8(y + r * outSize + o, s + bias);
    }
}

/// `W`'s rows `o..<o+16` transposed: `packed[16 i + k] = W[o + k, i]`, every input.
PG_INLINE void affine_pack_columns16(const float *w, long inSize, long o, float *packed) {
    for (long i = 0; i < inSize; i++)
        for (int k = 0; k < 16; k++) packed[16 * i + k] = w[(o + k) * inSize + i];
}

/// Outputs `o..<o+16` of `rowCount` (1 to 4) rows on sixteen-lane vectors, outputs in the lanes:
/// each row keeps its four partial sums over `i mod 4` in four vectors, so they combine without
/// moving lanes. `packed` is `affine_pack_columns16`'s layout of the block.
PG_INLINE void affine_sixteen_outputs(const float *packed, const float *b, const float *x, float *y,
                                      long inSize, long outSize, long o, int rowCount) {
    const long in4 = inSize & ~3L;
    f16 acc[4][4];
    for (int r = 0; r < rowCount; r++)
        for (int p = 0; p < 4; p++) acc[r][p] = splat16(0.0f);
    for (long i = 0; i < in4; i += 4) {
        for (int p = 0; p < 4; p++) {
            f16 v = load16(packed + 16 * (i + p));
            for (int r = 0; r < rowCount; r++) acc[r][p] = acc[r][p] + v * splat16(x[r * inSize + i + p]);
        }
    }
    f16 bias = load16(b + o);
    for (int r = 0; r < rowCount; r++) {
        f16 s = (acc[r][0] + acc[r][1]) + (acc[r][2] + acc[r][3]);
        for (long i = in4; i < inSize; i++) s = s + load16(packed + 16 * i) * splat16(x[r * inSize + i]);
        store16(y + r * outSize + o, s + bias);
    }
}

/// Output `o` of rows `r..<r+8`: two rows share a vector.
PG_INLINE void affine_eight_rows(const float *w, const float *b, const float *x, float *y,
                                 long inSize, long outSize, long o, long r) {
    const long in4 = inSize & ~3L;
    const float *wo = w + o * inSize;
    const float *x0 = x + r * inSize;
    f8 acc[4] = {zero8(), zero8(), zero8(), zero8()};
    for (long i = 0; i < in4; i += 4) {
        f8 v = twice4(wo + i);
        for (int p = 0; p < 4; p++)
            acc[p] = acc[p] + v * join4(x0 + (2 * p) * inSize + i, x0 + (2 * p + 1) * inSize + i);
    }
    f8 s = totals8(acc[0], acc[1], acc[2], acc[3]);
    for (long i = in4; i < inSize; i++) {
        f8 column = {x0[i], x0[inSize + i], x0[2 * inSize + i], x0[3 * inSize + i],
                     x0[4 * inSize + i], x0[5 * inSize + i], x0[6 * inSize + i], x0[7 * inSize + i]};
        s = s + splat8(wo[i]) * column;
    }
    s = s + splat8(b[o]);
    float out[8];
    store8(out, s);
    for (int k = 0; k < 8; k++) y[(r + k) * outSize + o] = out[k];
}

/// Fewer than 8 inputs, outputs `from..<to` (a multiple of 8 apart): outputs in the lanes, `W`'s
/// columns held in registers. Each lane is
/// `((0 + w0 x0) + (0 + w1 x1)) + ((0 + w2 x2) + (0 + w3 x3))`, then the tail inputs, then the
/// bias: the affine order with each partial sum holding one term.
PG_INLINE void affine_narrow(const float *w, const float *b, const float *x, float *y,
                             long rows, long inSize, long outSize, long from, long to) {
    const long head = inSize & ~3L;
    for (long o = from; o < to; o += 8) {
        f8 c[7];
        for (long i = 0; i < inSize; i++) {
            const float *p = w + o * inSize + i;
            c[i] = (f8){p[0], p[inSize], p[2 * inSize], p[3 * inSize],
                        p[4 * inSize], p[5 * inSize], p[6 * inSize], p[7 * inSize]};
        }
        f8 bias = load8(b + o);
        const f8 zero = zero8();
        for (long r = 0; r < rows; r++) {
            const float *xr = x + r * inSize;
            f8 s = zero;
            if (head == 4) {
                s = ((zero + c[0] * splat8(xr[0])) + (zero + c[1] * splat8(xr[1])))
                  + ((zero + c[2] * splat8(xr[2])) + (zero + c[3] * splat8(xr[3])));
            }
            for (long i = head; i < inSize; i++) s = s + c[i] * splat8(xr[i]);
            store8(y + r * outSize + o, s + bias);
        }
    }
}

/// `affine_narrow` on sixteen-lane vectors, outputs `0..<outputs` (a multiple of 16).
PG_INLINE void affine_narrow16(const float *w, const float *b, const float *x, float *y,
                               long rows, long inSize, long outSize, long outputs) {
    const long head = inSize & ~3L;
    for (long o = 0; o < outputs; o += 16) {
        f16 c[7];
        for (long i = 0; i < inSize; i++)
            for (int k = 0; k < 16; k++) c[i][k] = w[(o + k) * inSize + i];
        f16 bias = load16(b + o);
        const f16 zero = splat16(0.0f);
        for (long r = 0; r < rows; r++) {
            const float *xr = x + r * inSize;
            f16 s = zero;
            if (head == 4) {
                s = ((zero + c[0] * splat16(xr[0])) + (zero + c[1] * splat16(xr[1])))
                  + ((zero + c[2] * splat16(xr[2])) + (zero + c[3] * splat16(xr[3])));
            }
            for (long i = head; i < inSize; i++) s = s + c[i] * splat16(xr[i]);
            store16(y + r * outSize + o, s + bias);
        }
    }
}

PG_INLINE void affine_body(int lanes, const float *w, const float *b, const float *x, float *y,
                           long rows, long inSize, long outSize) {
    const long blocked = outSize & ~7L;
    if (inSize < 8) {
        const long wide = lanes == 16 ? outSize & ~15L : 0;
        if (wide > 0) affine_narrow16(w, b, x, y, rows, inSize, outSize, wide);
        affine_narrow(w, b, x, y, rows, inSize, outSize, wide, blocked);
    } else {
        const long in4 = inSize & ~3L;
        float storage[8 * PG_PACKED_INPUTS] __attribute__((aligned(64)));
        // Repacking costs one pass over the block; it pays back over many rows, not a few.
        float *packed = in4 <= PG_PACKED_INPUTS && rows >= 16 ? storage : NULL;
        long o = 0;
        // Sixteen outputs need twice the storage of eight: half as many inputs fit.
        if (lanes == 16 && packed && inSize <= PG_PACKED_INPUTS / 2) {
            for (; o + 16 <= blocked; o += 16) {
                affine_pack_columns16(w, inSize, o, packed);
                long r = 0;
                for (; r + PG_AFFINE_ROWS16 <= rows; r += PG_AFFINE_ROWS16)
                    affine_sixteen_outputs(packed, b, x + r * inSize, y + r * outSize, inSize, outSize, o, PG_AFFINE_ROWS16);
                for (; r < rows; r++)
                    affine_sixteen_outputs(packed, b, x + r * inSize, y + r * outSize, inSize, outSize, o, 1);
            }
        }
        for (; o < blocked; o += 8) {
            if (packed) affine_pack(w, inSize, in4, o, packed);
            long r = 0;
            for (; r + PG_AFFINE_ROWS <= rows; r += PG_AFFINE_ROWS)
                affine_eight_outputs(w, packed, b, x + r * inSize, y + r * outSize, inSize, outSize, o, PG_AFFINE_ROWS);
            for (; r < rows; r++)
                affine_eight_outputs(w, packed, b, x + r * inSize, y + r * outSize, inSize, outSize, o, 1);
        }
    }
    for (long o = blocked; o < outSize; o++) {
        long r = 0;
        for (; r + 8 <= rows; r += 8) affine_eight_rows(w, b, x, y, inSize, outSize, o, r);
        for (; r < rows; r++) y[r * outSize + o] = dot_in_affine_order(w + o * inSize, x + r * inSize, inSize) + b[o];
    }
}

PG_VERSIONS(affine,
            (const float *w, const float *b, const float *x, float *y, long rows, long inSize, long outSize),
            (w, b, x, y, rows, inSize, outSize))
