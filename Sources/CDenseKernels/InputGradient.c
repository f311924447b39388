// dx = dy W, in the order documented on `DenseKernels.transposedProduct`: each element sums
// its terms from +0, the outputs in order; the blocking only chooses which advance together.
#include "CDenseKernels.h"
#include "Vectors.h"

/// Inputs `i..<i+8·width` of `rowCount` rows (1 or 2).
PG_INLINE void input_gradient_block(const float *w, const float *dy, float *dx,
                                    long inSize, long outSize, long i, int width, int rowCount) {
    f8 acc[2][4];
    for (int r = 0; r < 2; r++)
        for (int k = 0; k < 4; k++) acc[r][k] = zero8();
    const float *wRow = w + i;
    for (long o = 0; o < outSize; o++) {
        f8 e[2];
        for (int r = 0; r < rowCount; r++) e[r] = splat8(dy[r * outSize + o]);
        for (int k = 0; k < width; k++) {
            f8 v = load8(wRow + 8 * k);
            for (int r = 0; r < rowCount; r++) acc[r][k] = acc[r][k] + e[r] * v;
        }
        wRow += inSize;
    }
    for (int r = 0; r < rowCount; r++)
        for (int k = 0; k < width; k++) store8(dx + r * inSize + i + 8 * k, acc[r][k]);
}

PG_INLINE void input_gradient_rows(const float *w, const float *dy, float *dx,
                                   long inSize, long outSize, int rowCount) {
    long i = 0;
    for (; i + 32 <= inSize; i += 32) input_gradient_block(w, dy, dx, inSize, outSize, i, 4, rowCount);
    for (; i + 8 <= inSize; i += 8) input_gradient_block(w, dy, dx, inSize, outSize, i, 1, rowCount);
    for (; i + 4 <= inSize; i += 4) {
        f4 acc[2] = {{0, 0, 0, 0}, {0, 0, 0, 0}};
        for (long o = 0; o < outSize; o++) {
            f4 v = load4(w + o * inSize + i);
            for (int r = 0; r < rowCount; r++) {
                float g = dy[r * outSize + o];
                acc[r] = acc[r] + (f4){g, g, g, g} * v;
            }
        }
        for (int r = 0; r < rowCount; r++) memcpy(dx + r * inSize + i, &acc[r], sizeof acc[r]);
    }
    for (; i < inSize; i++) {
        for (int r = 0; r < rowCount; r++) {
            float s = 0;
            for (long o = 0; o < outSize; o++) s = s + dy[r * outSize + o] * w[o * inSize + i];
            dx[r * inSize + i] = s;
        }
    }
}

PG_INLINE void input_gradient_body(int lanes, const float *w, const float *dy, float *dx,
                             long rows, long inSize, long outSize) {
    (void)lanes;
    long r = 0;
    for (; r + 2 <= rows; r += 2) input_gradient_rows(w, dy + r * outSize, dx + r * inSize, inSize, outSize, 2);
    if (r < rows) input_gradient_rows(w, dy + r * outSize, dx + r * inSize, inSize, outSize, 1);
}

PG_VERSIONS(input_gradient,
            (const float *w, const float *dy, float *dx, long rows, long inSize, long outSize),
            (w, dy, dx, rows, inSize, outSize))
