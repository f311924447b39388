#!/usr/bin/env python3
"""Reference sequence of Stable-Baselines3's VecNormalize on CartPole-v1.

Writes Tests/PolicyGradientTests/Fixtures/sb3/vecnormalize.json. Three CartPole-v1 copies in
a DummyVecEnv (seeds 0, 1, 2) under `VecNormalize(gamma=0.99, clip_obs=10, clip_reward=10,
epsilon=1e-8)` take 80 steps of actions drawn from numpy's default_rng(3). The file holds,
for the reset and for every step, what the wrapped environments returned (raw observations,
rewards, dones, raw terminal observations) and what VecNormalize made of them (normalized
observations, rewards and terminal observations), then the final running statistics
(obs_rms mean, var, count; ret_rms var, count) and the frozen (training=False)
normalization of the last raw observations. A replay of the raw columns through another
implementation must give the normalized ones.

Numbers are printed with `repr` (float32 values widened to float64). The committed fixture was
generated with stable-baselines3 2.9.2, gymnasium 1.4.0 and numpy 2.x.

Usage: python3 tools/sb3_vecnormalize.py [--out FILE]
Requires: pip install stable-baselines3 gymnasium
"""
import argparse
import copy
import json
import os

import gymnasium as gym
import numpy as np
import stable_baselines3
from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Recording(DummyVecEnv):
    """A DummyVecEnv that keeps a copy of what each step returned before VecNormalize edits it."""

    def step_wait(self):
        obs, rewards, dones, infos = super().step_wait()
        self.raw = (obs.copy(), rewards.copy(), dones.copy(), copy.deepcopy(infos))
        return obs, rewards, dones, infos


def floats(a) -> list:
    return [float(x) for x in np.asarray(a).ravel()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "Tests/PolicyGradientTests/Fixtures/sb3/vecnormalize.json"))
    args = parser.parse_args()
    n, steps = 3, 80
    inner = Recording([lambda: gym.make("CartPole-v1") for _ in range(n)])
    inner.seed(0)
    env = VecNormalize(inner, gamma=0.99, clip_obs=10.0, clip_reward=10.0, epsilon=1e-8)
    normalized = env.reset()
    reset = {"raw": floats(env.get_original_obs()), "normalized": floats(normalized)}
    rng = np.random.default_rng(3)
    records = []
    for _ in range(steps):
        actions = rng.integers(0, 2, n)
        obs, rewards, dones, infos = env.step(actions)
        raw_obs, raw_rewards, raw_dones, raw_infos = inner.raw
        finals = []
        for i in range(n):
            if raw_dones[i]:
                finals.append({
                    "copy": i,
                    "raw": floats(raw_infos[i]["terminal_observation"]),
                    "normalized": floats(infos[i]["terminal_observation"]),
                })
        records.append({
            "raw": floats(raw_obs), "rewards": floats(raw_rewards), "dones": [bool(d) for d in raw_dones],
            "normalized": floats(obs), "normalized_rewards": floats(rewards), "finals": finals,
        })
    env.training = False
    frozen = floats(env.normalize_obs(env.get_original_obs()))
    data = {
        "generator": f"tools/sb3_vecnormalize.py, stable-baselines3 {stable_baselines3.__version__}, "
                     f"gymnasium {gym.__version__}, numpy {np.__version__}",
        "num_envs": n, "observation_size": 4, "gamma": 0.99, "clip_observations": 10.0, "clip_rewards": 10.0,
        "epsilon": 1e-8,
        "reset": reset,
        "steps": records,
        "obs_mean": floats(env.obs_rms.mean), "obs_var": floats(env.obs_rms.var), "obs_count": float(env.obs_rms.count),
        "ret_var": float(env.ret_rms.var), "ret_count": float(env.ret_rms.count),
        "frozen_normalized": frozen,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(data, f)
        f.write("\n")


if __name__ == "__main__":
    main()
