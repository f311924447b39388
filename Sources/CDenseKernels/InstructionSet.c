// Which versions of the kernels this machine can run.
#include "CDenseKernels.h"
#include "Vectors.h"

int pg_dense_supports(int instructionSet) {
    switch (instructionSet) {
    case PG_DENSE_BASELINE:
        return 1;
    case PG_DENSE_AVX2:
#if PG_HAS_AVX2_VERSION
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2");
#else
        return 0;
#endif
    case PG_DENSE_AVX512:
#if PG_HAS_AVX2_VERSION
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f");
#else
        return 0;
#endif
    default:
        return 0;
    }
}
