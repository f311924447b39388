"""Times Stable-Baselines3 on CartPole-v1 with the settings `make bench` uses, on one thread,
so the figures can be compared as ratios on the same machine.

    pip install stable-baselines3 gymnasium
    python3 tools/sb3_speed.py a2c [--steps 100000]
    python3 tools/sb3_speed.py ppo [--steps 50000]
    python3 tools/sb3_speed.py ppo-halfcheetah [--steps 5120]

a2c: Stable-Baselines3's A2C defaults: 8 envs, n_steps 5, gamma 0.99, RMSprop 7e-4 (eps 1e-5),
value_coef 0.5, max_grad_norm 0.5. ppo: rl-zoo3's CartPole-v1 PPO: 8 envs, n_steps 32, batch 256,
20 epochs, gamma 0.98, gae_lambda 0.8, learning rate linear from 1e-3 to 0, clip 0.2, ent_coef 0.
Both with 64x64 tanh networks. ppo-halfcheetah: rl-zoo3's HalfCheetah PPO, as
experiments/zoo/ppo-halfcheetah.yaml holds it: 1 env in VecNormalize (gamma 0.98), n_steps 512,
batch 64, 20 epochs, gamma 0.98, gae_lambda 0.92, learning rate 2.0633e-5, clip 0.1,
ent_coef 0.000401762, vf_coef 0.58096, max_grad_norm 0.8, separate 256x256 ReLU networks,
log_std_init -2, no orthogonal initialization (needs MuJoCo). Prints environment steps per
second (all environments together), excluding setup.
"""
import argparse
import time

import torch
from stable_baselines3 import A2C, PPO
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.vec_env import VecNormalize


def model(algo: str, env):
    common = dict(policy_kwargs=dict(net_arch=[64, 64]), seed=0, device="cpu")
    if algo == "ppo-halfcheetah":
        return PPO(
            "MlpPolicy", env, n_steps=512, batch_size=64, n_epochs=20, gamma=0.98, gae_lambda=0.92,
            learning_rate=2.0633e-05, clip_range=0.1, ent_coef=0.000401762, vf_coef=0.58096, max_grad_norm=0.8,
            policy_kwargs=dict(log_std_init=-2, ortho_init=False, activation_fn=torch.nn.ReLU,
                               net_arch=dict(pi=[256, 256], vf=[256, 256])),
            seed=0, device="cpu",
        )
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
    parser.add_argument("algo", choices=["a2c", "ppo", "ppo-halfcheetah"])
    parser.add_argument("--steps", type=int, default=None)
    args = parser.parse_args()
    if args.steps is None:
        args.steps = 5_120 if args.algo == "ppo-halfcheetah" else 50_000
    torch.set_num_threads(1)
    if args.algo == "ppo-halfcheetah":
        env_id = "HalfCheetah-v5"
        env = VecNormalize(make_vec_env(env_id, n_envs=1, seed=0), gamma=0.98)
    else:
        env_id = "CartPole-v1"
        env = make_vec_env(env_id, n_envs=8, seed=0)
    trainer = model(args.algo, env)
    start = time.perf_counter()
    trainer.learn(total_timesteps=args.steps)
    seconds = time.perf_counter() - start
    print(f"SB3 {args.algo.upper()} {env_id}: {args.steps / seconds:,.0f} env steps/s "
          f"({args.steps} steps in {seconds:.1f} s)")


if __name__ == "__main__":
    main()
