#!/usr/bin/env python3
"""Reference values of PPO's extra terms, computed with Stable-Baselines3's own code and
expressions.

Writes Tests/PolicyGradientTests/Fixtures/sb3/ppo_terms.json with:

- `value_clipping`: a minibatch of float32 values V, recorded values V_old and targets R, the
  range clip_range_vf, the loss `F.mse_loss(R, V_old + clamp(V - V_old, -vf, vf))` exactly as
  `stable_baselines3/ppo/ppo.py` writes it, and its gradient with respect to V by autograd;
- `approx_kl`: log-probabilities, recorded log-probabilities and
  `mean((exp(log_ratio) - 1) - log_ratio)` as ppo.py computes it for `target_kl`;
- `clip_schedule`: rl-zoo3's `lin_0.2` clip range (SB3's `LinearSchedule(0.2, 0.0, 1.0)`)
  at several values of progress_remaining.

Numbers are printed with `repr` (float32 values widened to float64), so they round-trip.
The committed fixture was generated with stable-baselines3 2.9.2 and torch on CPU.

Usage: python3 tools/sb3_ppo_terms.py [--out FILE]
Requires: pip install stable-baselines3
"""
import argparse
import json
import os

import numpy as np
import stable_baselines3
import torch as th
import torch.nn.functional as F
from stable_baselines3.common.utils import LinearSchedule

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def value_clipping(rng: np.random.Generator) -> dict:
    n, clip_range_vf = 12, 0.2
    old_values = rng.normal(0.0, 1.0, n).astype(np.float32)
    # Changes on both sides of the range and inside it.
    values = (old_values + rng.uniform(-0.5, 0.5, n)).astype(np.float32)
    returns = rng.normal(0.0, 1.5, n).astype(np.float32)
    v = th.tensor(values, requires_grad=True)
    v_old, r = th.tensor(old_values), th.tensor(returns)
    values_pred = v_old + th.clamp(v - v_old, -clip_range_vf, clip_range_vf)
    value_loss = F.mse_loss(r, values_pred)
    value_loss.backward()
    return {
        "clip_range_vf": clip_range_vf,
        "values": [float(x) for x in values],
        "old_values": [float(x) for x in old_values],
        "returns": [float(x) for x in returns],
        "loss": float(value_loss.item()),
        "gradient": [float(x) for x in v.grad.numpy()],
    }


def approx_kl(rng: np.random.Generator) -> dict:
    n = 16
    old_log_prob = np.log(rng.uniform(0.05, 1.0, n)).astype(np.float32)
    log_prob = (old_log_prob + rng.normal(0.0, 0.3, n)).astype(np.float32)
    with th.no_grad():
        log_ratio = th.tensor(log_prob) - th.tensor(old_log_prob)
        kl = th.mean((th.exp(log_ratio) - 1) - log_ratio).cpu().numpy()
    return {
        "log_prob": [float(x) for x in log_prob],
        "old_log_prob": [float(x) for x in old_log_prob],
        "approx_kl": float(kl),
    }


def clip_schedule() -> dict:
    schedule = LinearSchedule(0.2, 0.0, 1.0)
    remaining = [1.0, 0.75, 0.5, 0.125, 0.0]
    return {"initial": 0.2, "progress_remaining": remaining, "clip_range": [float(schedule(p)) for p in remaining]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "Tests/PolicyGradientTests/Fixtures/sb3/ppo_terms.json"))
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    data = {
        "generator": f"tools/sb3_ppo_terms.py, stable-baselines3 {stable_baselines3.__version__}, torch {th.__version__}",
        "value_clipping": value_clipping(rng),
        "approx_kl": approx_kl(rng),
        "clip_schedule": clip_schedule(),
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
