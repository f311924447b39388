// The C library's pow, called as a function: compilers rewrite pow(x, 2.0) written in place as
// x * x, which differs from the library's result in the last bit for some x, and NumPy's
// float64 ** 2 is the library's (Acrobot's equations of motion need the same bits).
#include <math.h>

#include "CDenseKernels.h"

double pg_library_pow(double x, double y) { return pow(x, y); }
