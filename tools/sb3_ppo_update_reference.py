#!/usr/bin/env python3
"""Reference values of the statistics one PPO update logs, computed by Stable-Baselines3's own
`PPO.train()`.

For each case (CartPole-v1 with a categorical head; Pendulum-v1 with a Gaussian head; CartPole-v1
with `target_kl` small enough to stop the epochs), builds an SB3 PPO with small separate policy
and value MLPs, collects one rollout with SB3's `collect_rollouts`, then runs `PPO.train()` once
and records every `train/*` value its logger holds. Written per case:

- `settings`: n_steps, batch_size, n_epochs, learning_rate, clip_range, ent_coef, vf_coef,
  max_grad_norm, target_kl, hidden, adam_eps;
- `policy_parameters`, `critic_parameters`: the torch parameters before the update, flattened in
  the Swift layout (each Linear layer's weight row-major [out x in], then its bias; the policy's
  hidden layers, then `action_net`, then `log_std` for a Gaussian head; the value network's
  hidden layers, then `value_net`);
- `batch`: the rollout buffer flattened as SB3's `get()` flattens it (one environment, so in
  time order): observations, actions, old values, old log-probabilities, advantages, returns;
- `permutations`: the index permutation `get()` drew for each epoch, recorded by wrapping
  `np.random.permutation` while `train()` runs;
- `logged`: each `train/*` key SB3's logger recorded, as a float;
- `grad_norms`: the norm `clip_grad_norm_` returned (before clipping) at each optimizer step,
  which SB3 does not log (recorded by wrapping the function while `train()` runs).

Numbers are printed with `repr` (float32 values widened to float64), so they round-trip. The
committed fixture was generated with stable-baselines3 2.9.2 and torch on CPU.

Usage: python3 tools/sb3_ppo_update_reference.py [--out FILE]
Requires: pip install stable-baselines3
"""
import argparse
import json
import os

import gymnasium as gym
import numpy as np
import stable_baselines3
import torch as th
from stable_baselines3 import PPO
from stable_baselines3.common.callbacks import CallbackList
from stable_baselines3.common.logger import configure

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def linear_layers(sequential_and_head):
    """The Linear layers in order, for the Swift layout."""
    out = []
    for module in sequential_and_head:
        for layer in module.modules():
            if isinstance(layer, th.nn.Linear):
                out.append(layer)
    return out


def flat(layers, extra=None) -> list:
    values = []
    for layer in layers:
        values += [float(x) for x in layer.weight.detach().numpy().astype(np.float32).reshape(-1)]
        values += [float(x) for x in layer.bias.detach().numpy().astype(np.float32).reshape(-1)]
    if extra is not None:
        values += [float(x) for x in extra.detach().numpy().astype(np.float32).reshape(-1)]
    return values


def case(env_id: str, seed: int, target_kl=None, learning_rate=3e-2, n_epochs=4) -> dict:
    settings = {
        "n_steps": 64, "batch_size": 16, "n_epochs": n_epochs, "learning_rate": learning_rate, "clip_range": 0.2,
        "ent_coef": 0.01, "vf_coef": 0.5, "max_grad_norm": 0.5, "target_kl": target_kl, "hidden": [16, 16],
        "adam_eps": 1e-5, "gae_lambda": 0.95, "gamma": 0.99,
    }
    env = gym.make(env_id)
    model = PPO(
        "MlpPolicy", env, n_steps=settings["n_steps"], batch_size=settings["batch_size"], n_epochs=n_epochs,
        learning_rate=learning_rate, clip_range=settings["clip_range"], ent_coef=settings["ent_coef"],
        vf_coef=settings["vf_coef"], max_grad_norm=settings["max_grad_norm"], target_kl=target_kl,
        gae_lambda=settings["gae_lambda"], gamma=settings["gamma"],
        policy_kwargs=dict(net_arch=dict(pi=settings["hidden"], vf=settings["hidden"]), activation_fn=th.nn.Tanh),
        seed=seed, device="cpu", verbose=0)
    model.set_logger(configure(None, []))
    total, callback = model._setup_learn(settings["n_steps"], CallbackList([]))
    callback.on_training_start(locals(), globals())
    assert model.collect_rollouts(model.env, callback, model.rollout_buffer, n_rollout_steps=model.n_steps)

    policy = model.policy
    policy_layers = linear_layers([policy.mlp_extractor.policy_net, policy.action_net])
    critic_layers = linear_layers([policy.mlp_extractor.value_net, policy.value_net])
    log_std = getattr(policy, "log_std", None)
    policy_parameters = flat(policy_layers, log_std)
    critic_parameters = flat(critic_layers)

    buffer = model.rollout_buffer
    n = buffer.buffer_size * buffer.n_envs
    def flattened(array, width=None):
        a = np.asarray(array, dtype=np.float32).swapaxes(0, 1).reshape(n, -1)
        return [[float(x) for x in row] for row in a] if width else [float(x) for x in a.reshape(-1)]
    batch = {
        "observations": flattened(buffer.observations, width=True),
        "actions": flattened(buffer.actions, width=True),
        "values": flattened(buffer.values),
        "log_probs": flattened(buffer.log_probs),
        "advantages": flattened(buffer.advantages),
        "returns": flattened(buffer.returns),
    }

    permutations = []
    original = np.random.permutation
    def recording(x, *args, **kwargs):
        p = original(x, *args, **kwargs)
        permutations.append([int(i) for i in p])
        return p
    # SB3 logs no gradient norm; `clip_grad_norm_` returns the norm before clipping.
    grad_norms = []
    clip_grad_norm = th.nn.utils.clip_grad_norm_
    def recording_norm(*args, **kwargs):
        norm = clip_grad_norm(*args, **kwargs)
        grad_norms.append(float(norm))
        return norm
    np.random.permutation = recording
    th.nn.utils.clip_grad_norm_ = recording_norm
    try:
        model.train()
    finally:
        np.random.permutation = original
        th.nn.utils.clip_grad_norm_ = clip_grad_norm
    logged = {k: float(v) for k, v in model.logger.name_to_value.items() if k.startswith("train/")}
    env.close()
    return {
        "env_id": env_id, "seed": seed, "settings": settings, "policy_parameters": policy_parameters,
        "critic_parameters": critic_parameters, "batch": batch, "permutations": permutations, "logged": logged,
        "grad_norms": grad_norms,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--out", default=os.path.join(ROOT, "Tests/PolicyGradientTests/Fixtures/sb3/ppo_update_statistics.json"))
    args = parser.parse_args()
    data = {
        "generator": f"tools/sb3_ppo_update_reference.py, stable-baselines3 {stable_baselines3.__version__}, "
                     f"torch {th.__version__}",
        "cases": {
            "cartpole": case("CartPole-v1", seed=3),
            "pendulum": case("Pendulum-v1", seed=4),
            "cartpole_target_kl": case("CartPole-v1", seed=5, target_kl=0.01),
        },
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    text = json.dumps(data, indent=1) + "\n"
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
