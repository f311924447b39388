#!/usr/bin/env python3
"""Reference values for the report's statistics, from independent implementations.

Writes Tests/ReportTests/StatisticsReferences.swift (a Swift file, so the test target
needs no resources). Run once from the repository root:

    python3 -m venv --system-site-packages /tmp/rlvenv
    /tmp/rlvenv/bin/pip install rliable "pandas<3"   # rliable's `arch` needs pandas 2
    /tmp/rlvenv/bin/python tools/statistics_references.py

Sources of truth:
- Welch's t, its degrees of freedom, two-sided p and 95% interval of the difference of means:
  scipy.stats.ttest_ind(equal_var=False) and its confidence_interval().
- Paired t, degrees of freedom, two-sided p and 95% interval of the mean difference:
  scipy.stats.ttest_rel and its confidence_interval().
- Student's 95% interval of a mean: scipy.stats.ttest_1samp(x, 0).confidence_interval().
- Holm-adjusted p-values: statsmodels.stats.multitest.multipletests(method="holm").
- Probability of improvement: rliable.metrics.probability_of_improvement (Mann-Whitney U
  over n_a * n_b, ties count 1/2). Its 95% interval, Newcombe's (2006) method 5: the real
  roots in [0, 1] of the quartic (P - t)^2 (2 - t)(1 + t) mn - z^2 t(1 - t)((2N - 1)(2 - t)(1 + t)
  - (3N - 3)), N = (m + n)/2, nearest to P on each side (numpy.roots; P itself when P is 0 or 1).
- IQM, mean, median, optimality gap over runs x tasks: rliable.metrics; their stratified
  bootstrap CIs: rliable.library.get_interval_estimates (percentile, 50,000 resamples).
  Recent versions of `arch` ignore rliable's random_state, so these CIs move by their Monte
  Carlo error from one run of this script to the next; the committed ones are from the first.
- Paired bootstrap of a mean difference: the exact bootstrap distribution (every multiset
  of n indices with its multinomial probability), its 2.5% and 97.5% quantiles.
- Seeds needed: statsmodels TTestPower (paired: one-sample t on the differences) and
  TTestIndPower (two independent samples), two-sided.
- Normal and Student t quantiles: scipy.stats.norm.ppf, scipy.stats.t.ppf.
"""

import itertools
import math
import os

import numpy as np
import scipy.stats as st
from rliable import library as rly
from rliable import metrics
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import TTestIndPower, TTestPower

Z95 = float(st.norm.ppf(0.975))

OUT = os.path.join("Tests", "ReportTests", "StatisticsReferences.swift")
REPS = 50000


def r(x):
    """A float as Swift source, exactly (repr gives the shortest round-tripping text)."""
    x = float(x)
    if math.isnan(x):
        return ".nan"
    if math.isinf(x):
        return "Double.infinity" if x > 0 else "-Double.infinity"
    return repr(x)


def arr(xs):
    return "[" + ", ".join(r(x) for x in xs) + "]"


rng = np.random.RandomState(20261130)

welch_cases = [
    ([500, 500, 487.25, 500, 463.5], [123.5, 98.25, 150.0, 87.75, 170.5]),
    (list(np.round(rng.normal(10, 2, 8), 3)), list(np.round(rng.normal(11, 5, 12), 3))),
    ([1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 2.0, 3.5, 4.5, 3.0]),
    (list(np.round(rng.normal(0, 1, 30), 4)), list(np.round(rng.normal(2, 1, 30), 4))),
    ([0.1, 0.2, 0.15], [0.12, 0.18, 0.3]),
]

holm_cases = [
    [0.01, 0.04, 0.03, 0.005],
    [0.2, 0.2, 0.01, 0.5, 0.04, 0.049],
    [0.9, 0.001],
    [0.03],
]

poi_cases = [  # the first is completely separated
    ([500, 500, 487.25, 500, 463.5], [123.5, 98.25, 150.0, 87.75, 170.5]),
    ([1, 2, 3, 4, 5], [3, 3, 3, 3, 3]),
    ([2.0, 2.0, 1.0, 0.5, 3.0, 2.5], [2.0, 1.5, 1.0, 2.0, 2.75, 0.25]),
    (list(np.round(rng.normal(1, 1, 10), 3)), list(np.round(rng.normal(0.5, 1, 10), 3))),
]

# Runs x tasks, normalized scores.
aggregate_cases = [
    np.round(rng.uniform(0, 1.2, (10, 3)), 3),
    np.round(np.column_stack([rng.beta(2, 5, 8), rng.beta(5, 2, 8)]), 3),
]

paired_cases = [
    [3.5, -1.25, 4.0, 2.0, 0.5],
    [12.0, 7.5, -3.0, 9.25, 4.0, 15.5],
]

power_cases = [  # (sigma, delta, alpha, power)
    (100.0, 50.0, 0.05, 0.8),
    (30.0, 50.0, 0.05, 0.8),
    (10.0, 2.0, 0.01, 0.9),
    (80.0, 50.0, 0.05, 0.95),
]

quantile_cases = [(0.975, 4), (0.975, 9.5), (0.995, 2), (0.9, 30), (0.6, 1)]
normal_quantiles = [0.975, 0.8, 0.5, 0.01, 1e-6]

paired_t_cases = [
    ([3.5, 1.25, 4.0, 2.0, 0.5], [1.0, 1.5, 0.0, -0.25, 0.0]),
    (list(np.round(rng.normal(100, 30, 5), 2)), list(np.round(rng.normal(90, 30, 5), 2))),
    (list(np.round(rng.normal(0, 1, 10), 4)), list(np.round(rng.normal(0.2, 1, 10), 4))),
    ([500.0, 500.0, 487.25], [123.5, 98.25, 150.0]),
    ([1.0, 2.0], [0.5, 2.25]),
]

mean_interval_cases = [
    [3.1, -0.4, 2.7, 5.9, 1.2, 0.0, 4.4],
    [10.0, 12.0],
    [500.0, 487.25, 463.5],
    list(np.round(rng.lognormal(0, 1, 20), 3)),
]

newcombe_cases = poi_cases + [
    ([123.5, 98.25, 150.0, 87.75, 170.5], [500, 500, 487.25, 500, 463.5]),  # separated the other way
    ([5.0, 6.0, 7.0], [1.0, 2.0, 3.0, 4.0, 8.0]),
    ([1.0], [0.0]),
    (list(np.round(rng.normal(0, 1, 20), 3)), list(np.round(rng.normal(1, 1, 20), 3))),
]

def newcombe_interval(p, m, n):
    """Newcombe's method 5 interval of the Mann-Whitney P: the quartic's roots around p."""
    if m * n == 0:
        return float("nan"), float("nan")
    N = (m + n) / 2.0
    t = np.poly1d([1.0, 0.0])
    spread = (2 - t) * (1 + t)
    p = float(p)
    quartic = (p - t) ** 2 * spread * (m * n) - Z95 ** 2 * t * (1 - t) * ((2 * N - 1) * spread - (3 * N - 3))
    roots = [z.real for z in np.roots(quartic.coeffs) if abs(z.imag) < 1e-9 and -1e-12 <= z.real <= 1 + 1e-12]
    # At P = 0 or 1, t = P is itself a root (V vanishes there): the interval's other end is
    # the nearest root strictly beyond it.
    low = p if p == 0 else max(z for z in roots if z < p - 1e-12)
    high = p if p == 1 else min(z for z in roots if z > p + 1e-12)
    return float(min(max(low, 0.0), 1.0)), float(min(max(high, 0.0), 1.0))


def exact_bootstrap_mean_quantiles(x, qs):
    """Quantiles of the exact bootstrap distribution of the mean of x."""
    n = len(x)
    values, weights = [], []
    for combo in itertools.combinations_with_replacement(range(n), n):
        counts = np.bincount(combo, minlength=n)
        w = math.factorial(n)
        for c in counts:
            w //= math.factorial(c)
        values.append(float(np.dot(counts, x)) / n)
        weights.append(w / n ** n)
    order = np.argsort(values)
    v = np.array(values)[order]
    cdf = np.cumsum(np.array(weights)[order])
    return [float(v[np.searchsorted(cdf, q - 1e-12)]) for q in qs]


lines = [
    "// Generated by tools/statistics_references.py; do not edit by hand.",
    "// scipy %s, numpy %s, rliable (metrics and library), statsmodels." % (
        __import__("scipy").__version__, np.__version__),
    "",
    "/// Reference values for the statistics tests, from scipy, statsmodels and rliable.",
    "enum StatisticsReferences {",
]


def t_test_fixture(name, what, source, cases, test):
    """A Swift array of (a, b, t, df, p, 95% CI low, high) from a scipy t-test result."""
    lines.append("    /// (a, b, t, df, p, 95%% CI of %s): %s" % (what, source))
    lines.append("    /// and its confidence_interval().")
    lines.append("    static let %s: [(a: [Double], b: [Double], t: Double, df: Double, p: Double, low: Double, "
                 "high: Double)] = [" % name)
    for a, b in cases:
        res = test(a, b)
        ci = res.confidence_interval(0.95)
        lines.append("        (%s, %s, %s, %s, %s, %s, %s)," % (
            arr(a), arr(b), r(res.statistic), r(res.df), r(res.pvalue), r(ci.low), r(ci.high)))
    lines.append("    ]")


t_test_fixture("welch", "the difference of means", "scipy.stats.ttest_ind(a, b, equal_var=False)", welch_cases,
               lambda a, b: st.ttest_ind(a, b, equal_var=False))
t_test_fixture("pairedT", "the mean difference", "scipy.stats.ttest_rel(a, b)", paired_t_cases, st.ttest_rel)

lines.append("    /// (x, 95% Student interval of the mean): scipy.stats.ttest_1samp(x, 0).confidence_interval().")
lines.append("    static let meanIntervals: [(x: [Double], low: Double, high: Double)] = [")
for x in mean_interval_cases:
    ci = st.ttest_1samp(x, 0).confidence_interval(0.95)
    lines.append("        (%s, %s, %s)," % (arr(x), r(ci.low), r(ci.high)))
lines.append("    ]")

lines.append("    /// (p, adjusted): statsmodels multipletests(p, method=\"holm\").")
lines.append("    static let holm: [(p: [Double], adjusted: [Double])] = [")
for p in holm_cases:
    adjusted = multipletests(p, method="holm")[1]
    lines.append("        (%s, %s)," % (arr(p), arr(adjusted)))
lines.append("    ]")

lines.append("    /// (a, b, P(a > b) from rliable, Newcombe's 95% interval from the roots of its quartic).")
lines.append("    static let probabilityOfImprovement: "
             "[(a: [Double], b: [Double], p: Double, low: Double, high: Double)] = [")
for a, b in newcombe_cases:
    x, y = np.array(a, float)[:, None], np.array(b, float)[:, None]
    p = float(metrics.probability_of_improvement(x, y))
    low, high = newcombe_interval(p, len(a), len(b))
    lines.append("        (%s, %s, %s, %s, %s)," % (arr(a), arr(b), r(p), r(low), r(high)))
lines.append("    ]")

lines.append("    /// Runs x tasks scores given per task (columns), with rliable's aggregates and")
lines.append("    /// stratified bootstrap 95%% CIs (%d resamples): [low, high] per statistic." % REPS)
lines.append("    static let aggregates: [(tasks: [[Double]], iqm: Double, mean: Double, median: Double, "
             "optimalityGap: Double, iqmCI: [Double], meanCI: [Double], medianCI: [Double], gapCI: [Double])] = [")
for scores in aggregate_cases:
    funcs = {
        "iqm": metrics.aggregate_iqm, "mean": metrics.aggregate_mean,
        "median": metrics.aggregate_median, "gap": metrics.aggregate_optimality_gap,
    }
    point, cis = {}, {}
    for name, f in funcs.items():
        pe, ie = rly.get_interval_estimates(
            {"s": scores}, lambda s, f=f: np.array([f(s)]), reps=REPS,
            random_state=np.random.RandomState(2))
        point[name] = pe["s"][0]
        cis[name] = ie["s"][:, 0]
    tasks = "[" + ", ".join(arr(scores[:, j]) for j in range(scores.shape[1])) + "]"
    lines.append("        (%s, %s, %s, %s, %s, %s, %s, %s, %s)," % (
        tasks, r(point["iqm"]), r(point["mean"]), r(point["median"]), r(point["gap"]),
        arr(cis["iqm"]), arr(cis["mean"]), arr(cis["median"]), arr(cis["gap"])))
lines.append("    ]")

lines.append("    /// Performance profile of the first aggregate case: rliable.library.score_distributions")
lines.append("    /// (fraction of all runs with score > tau) at each tau.")
taus = [0.0, 0.25, 0.5, 0.75, 1.0]
profile = rly.score_distributions(aggregate_cases[0], taus)
lines.append("    static let profileTaus: [Double] = %s" % arr(taus))
lines.append("    static let profile: [Double] = %s" % arr(profile))

lines.append("    /// (differences, exact bootstrap 2.5% and 97.5% quantiles of their mean).")
lines.append("    static let pairedBootstrap: [(d: [Double], low: Double, high: Double)] = [")
for d in paired_cases:
    lo, hi = exact_bootstrap_mean_quantiles(np.array(d), [0.025, 0.975])
    lines.append("        (%s, %s, %s)," % (arr(d), r(lo), r(hi)))
lines.append("    ]")

lines.append("    /// (sigma, delta, alpha, power, paired n, independent n per group): statsmodels")
lines.append("    /// TTestPower / TTestIndPower solve_power, two-sided, before rounding up.")
lines.append("    static let seedCounts: [(sigma: Double, delta: Double, alpha: Double, power: Double, "
             "paired: Double, independent: Double)] = [")
for sigma, delta, alpha, power in power_cases:
    paired = TTestPower().solve_power(effect_size=delta / sigma, alpha=alpha, power=power)
    ind = TTestIndPower().solve_power(effect_size=delta / sigma, alpha=alpha, power=power)
    lines.append("        (%s, %s, %s, %s, %s, %s)," % (r(sigma), r(delta), r(alpha), r(power),
                                                      r(np.squeeze(paired)), r(np.squeeze(ind))))
lines.append("    ]")

lines.append("    /// (q, df, t quantile): scipy.stats.t.ppf(q, df).")
lines.append("    static let studentQuantiles: [(q: Double, df: Double, t: Double)] = [")
for q, df in quantile_cases:
    lines.append("        (%s, %s, %s)," % (r(q), r(df), r(st.t.ppf(q, df))))
lines.append("    ]")
lines.append("    /// (q, z): scipy.stats.norm.ppf(q).")
lines.append("    static let normalQuantiles: [(q: Double, z: Double)] = [")
for q in normal_quantiles:
    lines.append("        (%s, %s)," % (r(q), r(st.norm.ppf(q))))
lines.append("    ]")
lines.append("}")

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", OUT)
