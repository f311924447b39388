"""Times Stable-Baselines3 on CartPole-v1 with the settings `make bench` uses, on one thread,
so the figures can be compared as ratios on the same machine.

    pip install stable-baselines3 gymnasium
    python3 tools/sb3_speed.py a2c [--steps 100000]
    python3 tools/sb3_speed.py ppo [--steps 50000]

a2c: Stable-Baselines3's A2C defaults: 8 envs, n_steps 5, gamma 0.99, RMSprop 7e-4 (eps 1e-5),
value_coef 0.5, max_grad_norm 0.5. ppo: rl-zoo3's CartPole-v1 PPO: 8 envs, n_steps 32, batch 256,
20 epochs, gamma 0.98, gae_lambda 0.8, learning rate linear from 1e-3 to 0, clip 0.2, ent_coef 0.
Both with 64x64 tanh networks. Prints environment steps per second (all 8 environments
together), excluding setup.
"""
import argparse
import time

import torch
from stable_baselines3 import A2C, PPO
from stable_baselines3.common.env_util import make_vec_env


def model(algo: str, env):
    common = dict(policy_kwargs=dict(net_arch=[64, 64]), seed=0, device="cpu")
    if algo == "a2c":
        return A2C(
            "MlpPolicy", env, n_steps=5, gamma=0.99, learning_rate=7e-4, ent_coef=0.0, vf_coef=0.5,
            max_grad_norm=0.5, rms_prop_eps=1e-5, **common,
        )
    return PPO(
        "MlpPolicy", env, n_steps=32, batch_size=256, n_epochs=20, gamma=0.98, gae_lambda=0.8,
        learning_rate=lambda progress: progress * 1e-3, clip_range=0.2, ent_coef=0.0, **common,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("algo", choices=["a2c", "ppo"])
    parser.add_argument("--steps", type=int, default=50_000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    trainer = model(args.algo, make_vec_env("CartPole-v1", n_envs=8, seed=0))
    start = time.perf_counter()
    trainer.learn(total_timesteps=args.steps)
    seconds = time.perf_counter() - start
    print(f"SB3 {args.algo.upper()} CartPole-v1: {args.steps / seconds:,.0f} env steps/s "
          f"({args.steps} steps in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
