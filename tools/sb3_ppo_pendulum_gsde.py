#!/usr/bin/env python3
"""Stable-Baselines3's own PPO on Pendulum-v1 with rl-zoo3's entry (use_sde: True,
sde_sample_freq: 4), one seed after another: the final deterministic return over 10 episodes
per seed, to set beside experiments/zoo/ppo-pendulum.yaml's figures.

Prints `seed mean_return` lines, then the mean and range. The figures in
experiments/zoo/README.md came from stable-baselines3 2.9.2, torch on CPU, one thread.

Usage: python3 tools/sb3_ppo_pendulum_gsde.py [FIRST_SEED [END_SEED]]   (default 0 5)
Requires: pip install stable-baselines3
"""
import sys

import gymnasium as gym
import torch as th
from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.evaluation import evaluate_policy
from stable_baselines3.common.monitor import Monitor


def main() -> None:
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    end = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    th.set_num_threads(1)
    returns = []
    for seed in range(first, end):
        env = make_vec_env("Pendulum-v1", n_envs=4, seed=seed)
        model = PPO(
            "MlpPolicy", env, n_steps=1024, gae_lambda=0.95, gamma=0.9, n_epochs=10, ent_coef=0.0,
            learning_rate=1e-3, clip_range=0.2, use_sde=True, sde_sample_freq=4, seed=seed, device="cpu")
        model.learn(100_000)
        eval_env = Monitor(gym.make("Pendulum-v1"))
        eval_env.reset(seed=1000 + seed)
        mean, _ = evaluate_policy(model, eval_env, n_eval_episodes=10, deterministic=True)
        returns.append(mean)
        print(seed, mean, flush=True)
    print(f"mean {sum(returns) / len(returns):.1f} ({min(returns):.1f} ... {max(returns):.1f})")


if __name__ == "__main__":
    main()
