#!/usr/bin/env python3
"""Reference values for `plan --power`'s chi-square interval of sigma and its one-sided test.

Prints Swift literals for Tests/ReportTests/PowerPlanningReferenceTests.swift (pasted there
once). Run from the repository root with scipy and statsmodels installed:

    python3 -m venv /tmp/sp && /tmp/sp/bin/pip install scipy statsmodels
    /tmp/sp/bin/python tools/power_references.py

Sources of truth:
- chi-square distribution function and quantiles: scipy.stats.chi2.cdf / chi2.ppf;
- seeds for a one-sided paired test: statsmodels TTestPower().solve_power(effect_size=delta/sigma,
  alpha, power, alternative="larger"), rounded up, at least 2; the same two-sided for contrast.
"""

import math

import scipy.stats as st
from statsmodels.stats.power import TTestIndPower, TTestPower

print("    // (x, df, F(x)) from scipy.stats.chi2.cdf")
for x, df in [(0.5, 1), (3.0, 3), (9.348, 3), (20.0, 10), (1.0, 0.5), (150.0, 120)]:
    print(f"    ({x!r}, {float(df)!r}, {float(st.chi2.cdf(x, df))!r}),")
print("    // (q, df, quantile) from scipy.stats.chi2.ppf")
for q, df in [(0.025, 1), (0.975, 1), (0.025, 3), (0.975, 3), (0.025, 19), (0.975, 19), (0.5, 100)]:
    print(f"    ({q!r}, {float(df)!r}, {float(st.chi2.ppf(q, df))!r}),")


def seeds(solver, effect, alpha, power, alternative):
    n = solver.solve_power(effect_size=effect, alpha=alpha, power=power, alternative=alternative)
    return max(2, math.ceil(n))


print("    // (sigma, delta, alpha, power, paired one-sided, paired two-sided, independent one-sided)")
for sigma, delta, alpha, power in [(10.0, 5.0, 0.05, 0.8), (9.1677, 20.0, 0.05, 0.8), (30.0, 12.0, 0.1, 0.9)]:
    e = delta / sigma
    print(f"    ({sigma!r}, {delta!r}, {alpha!r}, {power!r}, "
          f"{seeds(TTestPower(), e, alpha, power, 'larger')}, {seeds(TTestPower(), e, alpha, power, 'two-sided')}, "
          f"{seeds(TTestIndPower(), e, alpha, power, 'larger')}),")
