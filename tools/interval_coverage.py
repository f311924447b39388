#!/usr/bin/env python3
"""Coverage of the report's 95% intervals by simulation (the figures in docs/statistics.md,
"Coverage").

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy
    /tmp/venv/bin/python tools/interval_coverage.py

Prints, for each interval, the fraction of simulated samples whose interval holds the true
value. numpy's generator, fixed seeds; the Swift test IntervalCoverageTests checks the
Student intervals (of means and of geometric means) with the project's own generator.
- Student's t interval of a mean of n seeds, on normal and skewed data.
- Welch's interval of a difference of two cells' means, on the same data.
- The stratified percentile bootstrap of the across-environment aggregates (IQM, mean,
  optimality gap; 3 environments, B = 2,000), as `Bootstrap.stratifiedInterval`.
- Newcombe's interval of P(X_A > X_B) for normal runs shifted so that P = 0.5, 0.8, 0.95.
- The geometric-mean interval of `variance_summary.csv` (Student's t on log10 of positive
  values, back-transformed), on lognormal, gamma, exponential and uniform data.
"""

import numpy as np
import scipy.stats as st

Z = st.norm.ppf(0.975)


def student_coverage(draw, mu, n, reps, rng):
    x = draw(rng, (reps, n))
    m, se = x.mean(1), x.std(1, ddof=1) / np.sqrt(n)
    half = st.t.ppf(0.975, n - 1) * se
    return np.mean((m - half <= mu) & (mu <= m + half))


def geometric_coverage(draw, geometric_mean, n, reps, rng):
    """10^(mean ± t s / √n) of log10 x against the geometric mean exp(E log x)."""
    y = np.log10(draw(rng, (reps, n)))
    m, se = y.mean(1), y.std(1, ddof=1) / np.sqrt(n)
    half = st.t.ppf(0.975, n - 1) * se
    low, high = 10 ** (m - half), 10 ** (m + half)
    return np.mean((low <= geometric_mean) & (geometric_mean <= high))


def welch_coverage(draw, mu, n, reps, rng):
    """Welch's interval of mean(2 + 3 X) - mean(Z), X of the given shape, Z standard normal."""
    a = 2 + 3 * draw(rng, (reps, n))
    b = rng.normal(size=(reps, n))
    va, vb = a.var(1, ddof=1) / n, b.var(1, ddof=1) / n
    df = (va + vb) ** 2 / (va ** 2 / (n - 1) + vb ** 2 / (n - 1))
    d = a.mean(1) - b.mean(1)
    half = st.t.ppf(0.975, df) * np.sqrt(va + vb)
    truth = 2 + 3 * mu
    return np.mean((d - half <= truth) & (truth <= d + half))


def iqm(x, axis):
    """scipy.stats.trim_mean(x, 0.25) along `axis`."""
    return st.trim_mean(x, 0.25, axis=axis)


def stratified_coverage(n, reps, resamples, rng):
    """Three environments of normalized scores: Beta(2, 5), Beta(5, 2), Uniform(0, 1.2)."""
    draws = [lambda s: rng.beta(2, 5, s), lambda s: rng.beta(5, 2, s), lambda s: rng.uniform(0, 1.2, s)]
    big = np.concatenate([d(2_000_000) for d in draws])
    truth = {
        "iqm": iqm(big, None),
        "mean": np.mean([2 / 7, 5 / 7, 0.6]),
        "optimality_gap": 1 - np.mean(np.minimum(big, 1)),
    }
    covered = {k: 0 for k in truth}
    for _ in range(reps):
        tasks = [d(n) for d in draws]
        idx = rng.integers(0, n, (resamples, len(tasks), n))
        resampled = np.stack([tasks[k][idx[:, k, :]] for k in range(len(tasks))], axis=1)  # B x tasks x n
        pooled = resampled.reshape(resamples, -1)
        values = {
            "iqm": iqm(pooled, 1),
            "mean": resampled.mean(2).mean(1),
            "optimality_gap": 1 - np.minimum(pooled, 1).mean(1),
        }
        for k, v in values.items():
            low, high = np.quantile(v, [0.025, 0.975])
            covered[k] += low <= truth[k] <= high
    return {k: c / reps for k, c in covered.items()}


def newcombe(p, m, n):
    N = (m + n) / 2

    def excess(t):
        v = t * (1 - t) / (m * n) * ((2 * N - 1) - (3 * N - 3) / ((2 - t) * (1 + t)))
        return (p - t) ** 2 - Z ** 2 * v

    def bisect(lo, hi, f):
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
        return (lo + hi) / 2

    low = 0.0 if p == 0 else bisect(0.0, p, lambda t: -excess(t))
    high = 1.0 if p == 1 else bisect(p, 1.0, excess)
    return low, high


def newcombe_coverage(true_p, n, reps, rng):
    shift = np.sqrt(2) * st.norm.ppf(true_p)
    a = rng.normal(shift, 1, (reps, n))
    b = rng.normal(0, 1, (reps, n))
    wins = (a[:, :, None] > b[:, None, :]).mean((1, 2))
    cache, covered = {}, 0
    for w in wins:
        if w not in cache:
            cache[w] = newcombe(w, n, n)
        low, high = cache[w]
        covered += low <= true_p <= high
    return covered / reps


def main():
    rng = np.random.default_rng(20261207)
    shapes = [
        ("normal", lambda g, s: g.normal(size=s), 0.0),
        ("lognormal, sigma 0.25 (skewness 0.78)", lambda g, s: g.lognormal(0, 0.25, s), np.exp(0.25 ** 2 / 2)),
        ("gamma, shape 2 (skewness 1.41)", lambda g, s: g.gamma(2, size=s), 2.0),
        ("exponential (skewness 2)", lambda g, s: g.exponential(size=s), 1.0),
    ]
    print("Student t interval of a mean (40,000 samples each), n = 3, 5, 10, 20:")
    for name, draw, mu in shapes:
        print("  %-40s %s" % (name, "  ".join("%.3f" % student_coverage(draw, mu, n, 40_000, rng)
                                               for n in [3, 5, 10, 20])))
    print("Welch interval of a difference of means, spreads 3 and 1 (40,000 samples each), n = 3, 5, 10, 20:")
    for name, draw, mu in shapes:
        print("  %-40s %s" % (name, "  ".join("%.3f" % welch_coverage(draw, mu, n, 40_000, rng)
                                               for n in [3, 5, 10, 20])))
    print("Stratified percentile bootstrap, 3 environments (1,000 samples each, B = 2,000):")
    for n in [3, 5, 10]:
        cov = stratified_coverage(n, 1000, 2000, rng)
        print("  %2d runs per environment: %s" % (n, "  ".join("%s %.3f" % kv for kv in cov.items())))
    print("Newcombe interval of P(X_A > X_B), normal runs (20,000 samples each):")
    for true_p in [0.5, 0.8, 0.95]:
        print("  P = %.2f: %s" % (true_p, "  ".join("n = %d: %.3f" % (n, newcombe_coverage(true_p, n, 20_000, rng))
                                                   for n in [3, 5, 10])))
    positive = [
        ("lognormal, sigma 1 (log normal)", lambda g, s: g.lognormal(0, 1, s), 1.0),
        ("gamma, shape 2 (log skewness -0.78)", lambda g, s: g.gamma(2, size=s), np.exp(1 - np.euler_gamma)),
        ("exponential (log skewness -1.14)", lambda g, s: g.exponential(size=s), np.exp(-np.euler_gamma)),
        ("uniform(0, 1) (log skewness -2)", lambda g, s: g.uniform(size=s), np.exp(-1)),
    ]
    print("Geometric-mean interval, Student t on log10 (40,000 samples each), n = 3, 5, 10, 20:")
    for name, draw, gm in positive:
        print("  %-40s %s" % (name, "  ".join("%.3f" % geometric_coverage(draw, gm, n, 40_000, rng)
                                               for n in [3, 5, 10, 20])))


if __name__ == "__main__":
    main()
