#!/usr/bin/env python3
"""The runner's PPO on MuJoCo against Stable-Baselines3's own run of the same settings: for each
environment, the mean final greedy return of each side over its seeds and the 95% interval of
the difference of the means (runner minus SB3), by Welch's t with the Welch-Satterthwaite
degrees of freedom (the two sides' seeds are independent runs; their variances are not assumed
equal). docs/statistics.md states this interval's coverage at five seeds a side.

    python3 tools/mujoco_difference.py [--ours experiments/gymnasium/ppo-mujoco-seeds.csv]
        [--sb3 experiments/zoo/sb3-ppo-mujoco-defaults.csv]

Prints a Markdown table. Requires scipy (for Student's t quantile).
"""
import argparse
import csv
import math

from scipy import stats


def returns(path, column):
    by_env = {}
    with open(path) as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            by_env.setdefault(row["env"], []).append(float(row[column]))
    return by_env


def welch(a, b, level=0.95):
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    va = sum((x - ma) ** 2 for x in a) / (len(a) - 1)
    vb = sum((x - mb) ** 2 for x in b) / (len(b) - 1)
    se2 = va / len(a) + vb / len(b)
    df = se2 ** 2 / ((va / len(a)) ** 2 / (len(a) - 1) + (vb / len(b)) ** 2 / (len(b) - 1))
    half = stats.t.ppf(0.5 + level / 2, df) * math.sqrt(se2)
    return ma, mb, ma - mb, ma - mb - half, ma - mb + half, df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", default="experiments/gymnasium/ppo-mujoco-seeds.csv")
    parser.add_argument("--sb3", default="experiments/zoo/sb3-ppo-mujoco-defaults.csv")
    args = parser.parse_args()
    ours, sb3 = returns(args.ours, "final_return"), returns(args.sb3, "final_greedy_mean")
    print("| environment | runner (seeds) | SB3 (seeds) | difference | 95% interval (Welch) | df |")
    print("|---|---|---|---|---|---|")
    for env in ours:
        if env not in sb3 or len(sb3[env]) < 2:
            continue
        ma, mb, d, low, high, df = welch(ours[env], sb3[env])
        print(f"| {env} | {ma:.0f} ({len(ours[env])}) | {mb:.0f} ({len(sb3[env])}) | {d:+.0f} | "
              f"[{low:.0f}, {high:.0f}] | {df:.1f} |")


if __name__ == "__main__":
    main()
