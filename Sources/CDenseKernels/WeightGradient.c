// dW += dy^T x and db += Σ_r dy[r], in the order documented on
// `DenseKernels.accumulateOuterProducts`: each element adds its terms to its own running value,
// rows in order; the blocking only chooses which elements advance together.
#include "CDenseKernels.h"
#include "Vectors.h"

/// `dW[o..<o+outputs, i..<i+8·width]`, `outputs` ≤ 4, `width` ≤ 2.
PG_INLINE void weight_gradient_block(const float *dy, const float *x, float *dw, long rows,
                                     long inSize, long outSize, long o, long i, int outputs, int width) {
    f8 acc[4][2];
    for (int q = 0; q < outputs; q++)
        for (int k = 0; k < width; k++) acc[q][k] = load8(dw + (o + q) * inSize + i + 8 * k);
    const float *xRow = x + i;
    const float *gRow = dy + o;
    for (long r = 0; r < rows; r++) {
        f8 v[2];
        for (int k = 0; k < width; k++) v[k] = load8(xRow + 8 * k);
        for (int q = 0; q < outputs; q++) {
            f8 e = splat8(gRow[q]);
            for (int k = 0; k < width; k++) acc[q][k] = acc[q][k] + e * v[k];
        }
        xRow += inSize;
        gRow += outSize;
    }
    for (int q = 0; q < outputs; q++)
        for (int k = 0; k < width; k++) store8(dw + (o + q) * inSize + i + 8 * k, acc[q][k]);
}

/// `dW[o..<o+outputs, i..<i+16]`, `outputs` ≤ 8, on sixteen-lane vectors: per row, one load of
/// `x` serves every output. Sixteen lanes halve the instructions per operation, which is what
/// limits the eight-lane block on cores that split a wide operation in two.
PG_INLINE void weight_gradient_block16(const float *dy, const float *x, float *dw, long rows,
                                       long inSize, long outSize, long o, long i, int outputs) {
    f16 acc[8];
    for (int q = 0; q < outputs; q++) acc[q] = load16(dw + (o + q) * inSize + i);
    const float *xRow = x + i;
    const float *gRow = dy + o;
    for (long r = 0; r < rows; r++) {
        f16 v = load16(xRow);
        for (int q = 0; q < outputs; q++) acc[q] = acc[q] + splat16(gRow[q]) * v;
        xRow += inSize;
        gRow += outSize;
    }
    for (int q = 0; q < outputs; q++) store16(dw + (o + q) * inSize + i, acc[q]);
}

/// Columns `from..<inSize` (fewer than 8) of `dW[o..<o+8]`: outputs in the lanes, one vector per
/// column, so each loaded row of `dy` serves every column.
PG_INLINE void weight_gradient_narrow_columns(const float *dy, const float *x, float *dw, long rows,
                                              long inSize, long outSize, long o, long from) {
    const long columns = inSize - from;
    f8 acc[7];
    for (long c = 0; c < columns; c++) {
        const float *p = dw + o * inSize + from + c;
        acc[c] = (f8){p[0], p[inSize], p[2 * inSize], p[3 * inSize],
                      p[4 * inSize], p[5 * inSize], p[6 * inSize], p[7 * inSize]};
    }
    for (long r = 0; r < rows; r++) {
        f8 g = load8(dy + r * outSize + o);
        const float *xr = x + r * inSize + from;
        for (long c = 0; c < columns; c++) acc[c] = acc[c] + g * splat8(xr[c]);
    }
    for (long c = 0; c < columns; c++) {
        float out[8];
        store8(out, acc[c]);
        for (int q = 0; q < 8; q++) dw[(o + q) * inSize + from + c] = out[q];
    }
}

/// `weight_gradient_narrow_columns` on sixteen-lane vectors: `dW[o..<o+16]`.
PG_INLINE void weight_gradient_narrow_columns16(const float *dy, const float *x, float *dw, long rows,
                                                long inSize, long outSize, long o, long from) {
    const long columns = inSize - from;
    f16 acc[7];
    for (long c = 0; c < columns; c++)
        for (int q = 0; q < 16; q++) acc[c][q] = dw[(o + q) * inSize + from + c];
    for (long r = 0; r < rows; r++) {
        f16 g = load16(dy + r * outSize + o);
        const float *xr = x + r * inSize + from;
        for (long c = 0; c < columns; c++) acc[c] = acc[c] + g * splat16(xr[c]);
    }
    for (long c = 0; c < columns; c++)
        for (int q = 0; q < 16; q++) dw[(o + q) * inSize + from + c] = acc[c][q];
}

PG_INLINE void weight_gradient_body(int lanes, const float *dy, const float *x, float *dw, float *db,
                                    long rows, long inSize, long outSize) {
    const long in16 = inSize & ~15L;
    const long in8 = inSize & ~7L;
    if (lanes == 16) {
        long o = 0;
        for (; o + 8 <= outSize; o += 8)
            for (long i = 0; i < in16; i += 16) weight_gradient_block16(dy, x, dw, rows, inSize, outSize, o, i, 8);
        for (; o < outSize; o++)
            for (long i = 0; i < in16; i += 16) weight_gradient_block16(dy, x, dw, rows, inSize, outSize, o, i, 1);
    }
    // Eight-lane blocks: every column below `in8` (below `in16` too unless done above).
    const long from = lanes == 16 ? in16 : 0;
    long o = 0;
    for (; o + 4 <= outSize; o += 4) {
        for (long i = from; i + 16 <= in16; i += 16) weight_gradient_block(dy, x, dw, rows, inSize, outSize, o, i, 4, 2);
        if (in8 > in16) weight_gradient_block(dy, x, dw, rows, inSize, outSize, o, in16, 4, 1);
    }
    for (; o < outSize; o++) {
        for (long i = from; i + 16 <= in16; i += 16) weight_gradient_block(dy, x, dw, rows, inSize, outSize, o, i, 1, 2);
        if (in8 > in16) weight_gradient_block(dy, x, dw, rows, inSize, outSize, o, in16, 1, 1);
    }
    if (inSize > in8) {
        long q = 0;
        if (lanes == 16)
            for (; q + 16 <= outSize; q += 16) weight_gradient_narrow_columns16(dy, x, dw, rows, inSize, outSize, q, in8);
        for (; q + 8 <= outSize; q += 8) weight_gradient_narrow_columns(dy, x, dw, rows, inSize, outSize, q, in8);
        for (; q < outSize; q++) {
            for (long i = in8; i < inSize; i++) {
                float s = dw[q * inSize + i];
                for (long r = 0; r < rows; r++) s = s + dy[r * outSize + q] * x[r * inSize + i];
                dw[q * inSize + i] = s;
            }
        }
    }
    long q = 0;
    for (; q + 8 <= outSize; q += 8) {
        f8 s = load8(db + q);
        for (long r = 0; r < rows; r++) s = s + load8(dy + r * outSize + q);
        store8(db + q, s);
    }
    for (; q < outSize; q++) {
        float s = db[q];
        for (long r = 0; r < rows; r++) s = s + dy[r * outSize + q];
        db[q] = s;
    }
}

PG_VERSIONS(weight_gradient,
            (const float *dy, const float *x, float *dw, float *db, long rows, long inSize, long outSize),
            (dy, x, dw, db, rows, inSize, outSize))
