"""Times Stable-Baselines3's PPO on CartPole-v1 with rl-zoo3's settings (the ones `make bench`
uses), on one thread, so the two figures can be compared as a ratio on the same machine.

    pip install stable-baselines3 gymnasium
    python3 tools/sb3_ppo_speed.py [--steps 50000]

rl-zoo3's CartPole-v1 PPO: 8 envs, n_steps 32, batch 256, 20 epochs, gamma 0.98, gae_lambda 0.8,
learning rate linear from 1e-3 to 0, clip 0.2, ent_coef 0, 64x64 tanh networks.
Prints environment steps per second (all 8 environments together), excluding setup.
"""
import argparse
import time

import torch
from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=50_000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    env = make_vec_env("CartPole-v1", n_envs=8, seed=0)
    model = PPO(
        "MlpPolicy", env, n_steps=32, batch_size=256, n_epochs=20, gamma=0.98, gae_lambda=0.8,
        learning_rate=lambda progress: progress * 1e-3, clip_range=0.2, ent_coef=0.0,
        policy_kwargs=dict(net_arch=[64, 64]), seed=0, device="cpu",
    )
    start = time.perf_counter()
    model.learn(total_timesteps=args.steps)
    seconds = time.perf_counter() - start
    print(f"SB3 PPO CartPole-v1: {args.steps / seconds:,.0f} env steps/s ({args.steps} steps in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
