"""Times Stable-Baselines3's A2C on CartPole-v1 with the settings `make bench` uses,
on one thread, so the two figures can be compared as a ratio on the same machine.

    pip install stable-baselines3 gymnasium
    python3 tools/sb3_a2c_speed.py [--steps 100000]

Prints environment steps per second (all 8 environments together), excluding setup.
"""
import argparse
import time

import torch
from stable_baselines3 import A2C
from stable_baselines3.common.env_util import make_vec_env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100_000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    env = make_vec_env("CartPole-v1", n_envs=8, seed=0)
    model = A2C(
        "MlpPolicy", env, n_steps=5, gamma=0.99, learning_rate=7e-4, ent_coef=0.0, vf_coef=0.5,
        max_grad_norm=0.5, rms_prop_eps=1e-5, policy_kwargs=dict(net_arch=[64, 64]), seed=0, device="cpu",
    )
    start = time.perf_counter()
    model.learn(total_timesteps=args.steps)
    seconds = time.perf_counter() - start
    print(f"SB3 A2C CartPole-v1: {args.steps / seconds:,.0f} env steps/s ({args.steps} steps in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
