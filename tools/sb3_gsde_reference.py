#!/usr/bin/env python3
"""Reference values of generalized state-dependent exploration (gSDE), computed with
Stable-Baselines3's own `StateDependentNoiseDistribution` (full_std=True, use_expln=False,
learn_features=False, squash_output=False, epsilon=1e-6: SB3's defaults for on-policy
algorithms with use_sde=True).

Writes Tests/PolicyGradientTests/Fixtures/sb3/gsde.json with, for a linear mean
mu = phi W^T + b over fixed features phi [batch x features] (the observations themselves), a
fixed log_std [features x actions], actions, per-row coefficients c and entropy weights w and
an entropy coefficient beta:

- `log_prob` [batch] and `entropy` [batch] from the distribution's `log_prob` and `entropy`;
- the gradients of  L = sum_i c_i log pi(a_i|s_i) + beta sum_i w_i H(pi(.|s_i))  with respect to
  W [actions x features] (row-major), b [actions], the means mu [batch x actions] and log_std
  [features x actions] (row-major), by autograd through SB3's code.

All tensors are float32 as in SB3; numbers are printed with `repr` (widened to float64) so
they round-trip. The committed fixture was generated with stable-baselines3 2.9.2 and torch on CPU.

Usage: python3 tools/sb3_gsde_reference.py [--out FILE]
Requires: pip install stable-baselines3
"""
import argparse
import json
import os

import numpy as np
import stable_baselines3
import torch as th
from stable_baselines3.common.distributions import StateDependentNoiseDistribution

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def floats(t: th.Tensor) -> list:
    return [float(x) for x in t.detach().double().reshape(-1).tolist()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "Tests/PolicyGradientTests/Fixtures/sb3/gsde.json"))
    args = parser.parse_args()

    rng = np.random.default_rng(20261130)
    batch, features, actions_dim = 5, 3, 2
    beta = 0.3
    phi = rng.normal(0.0, 1.0, (batch, features)).astype(np.float32)
    weight = rng.normal(0.0, 0.5, (actions_dim, features)).astype(np.float32)
    bias = rng.normal(0.0, 0.5, actions_dim).astype(np.float32)
    log_std = rng.uniform(-2.0, 0.5, (features, actions_dim)).astype(np.float32)
    actions = rng.normal(0.0, 1.0, (batch, actions_dim)).astype(np.float32)
    c = rng.normal(0.0, 1.0, batch).astype(np.float32)
    w = rng.uniform(0.5, 1.5, batch).astype(np.float32)

    dist = StateDependentNoiseDistribution(
        actions_dim, full_std=True, use_expln=False, squash_output=False, learn_features=False)
    _, log_std_param = dist.proba_distribution_net(latent_dim=features, log_std_init=0.0)
    with th.no_grad():
        log_std_param.copy_(th.tensor(log_std))
    W = th.tensor(weight, requires_grad=True)
    b = th.tensor(bias, requires_grad=True)
    latent = th.tensor(phi)
    mean = latent @ W.T + b
    mean.retain_grad()
    dist.proba_distribution(mean, log_std_param, latent)
    log_prob = dist.log_prob(th.tensor(actions))
    entropy = dist.entropy()
    loss = (th.tensor(c) * log_prob).sum() + beta * (th.tensor(w) * entropy).sum()
    loss.backward()

    out = {
        "generator": f"tools/sb3_gsde_reference.py, stable-baselines3 {stable_baselines3.__version__}, torch {th.__version__}",
        "batch": batch,
        "features": features,
        "actions": actions_dim,
        "beta": beta,
        "phi": floats(th.tensor(phi)),
        "weight": floats(W),
        "bias": floats(b),
        "log_std": floats(log_std_param),
        "action": floats(th.tensor(actions)),
        "c": floats(th.tensor(c)),
        "w": floats(th.tensor(w)),
        "log_prob": floats(log_prob),
        "entropy": floats(entropy),
        "grad_weight": floats(W.grad),
        "grad_bias": floats(b.grad),
        "grad_mean": floats(mean.grad),
        "grad_log_std": floats(log_std_param.grad),
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
