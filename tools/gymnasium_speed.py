"""Steps Gymnasium environments in a plain Python loop with uniformly random actions and prints
steps per second, beside `make bench`'s figures for the same environments through the runner's
bridge (Benchmarks/Throughput/BridgeBenchmarks.swift), so that they compare as ratios taken in
one sitting.

    python3 tools/gymnasium_speed.py [--steps 20000]

HalfCheetah-v5: one environment. CartPole-v1: 8 environments stepped one after the other, as a
bridge worker steps its copies. Episodes that end are reset, as the bridge does.
"""
import argparse
import time

import gymnasium as gym


def rate(env_id: str, copies: int, steps: int) -> float:
    envs = [gym.make(env_id) for _ in range(copies)]
    for i, env in enumerate(envs):
        env.reset(seed=i)
        env.action_space.seed(i)
    start = time.perf_counter()
    for _ in range(steps):
        for env in envs:
            _, _, terminated, truncated, _ = env.step(env.action_space.sample())
            if terminated or truncated:
                env.reset()
    return steps * copies / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=20_000)
    args = parser.parse_args()
    for env_id, copies in [("HalfCheetah-v5", 1), ("CartPole-v1", 8)]:
        print(f"plain Python loop, {env_id}, {copies} copies, random actions: "
              f"{rate(env_id, copies, args.steps):.0f} steps/s")


if __name__ == "__main__":
    main()
