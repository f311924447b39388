"""Builds a Stable-Baselines3 model from a runner policy and saves it (`runner export --format sb3`).

Usage: python sb3_export.py SPEC_JSON

SPEC_JSON, written by the runner (Sources/PolicyExport/SB3ExportSpec.swift), holds the algorithm
(PPO or A2C) and whether it explores with gSDE, the observation length, the action space, the
environment's id, the policy's keyword arguments (net_arch, activation_fn, ortho_init, log_std_init), every tensor of
the policy's state_dict by its SB3 name, the VecNormalize statistics when the job normalized
observations, and the output paths.

The model is made with SB3's own constructor over a stand-in environment with the same spaces,
its state_dict is replaced by ours (strictly: every key and shape must match), and it is saved
with `model.save`; the statistics are saved with `VecNormalize.save`, as rl-zoo3 keeps them.

Exit status: 0 saved; 3 Stable-Baselines3, PyTorch or Gymnasium cannot be imported (the message
names which); 4 SB3 builds a network whose parameters do not match ours; 1 anything else.
"""

import json
import sys


def fail(status, message):
    print(message, file=sys.stderr)
    sys.exit(status)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    try:
        import numpy as np
        import torch as th
        import gymnasium as gym
        import stable_baselines3
        from stable_baselines3 import A2C, PPO
        from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize
    except ImportError as error:
        fail(3, f"{sys.executable} cannot import {error.name or error}: {error}")

    observation_space = gym.spaces.Box(-np.inf, np.inf, shape=(spec["observation_size"],), dtype=np.float32)
    actions = spec["action_space"]
    if actions["kind"] == "discrete":
        action_space = gym.spaces.Discrete(actions["n"])
    else:
        action_space = gym.spaces.Box(
            np.array(actions["low"], dtype=np.float32), np.array(actions["high"], dtype=np.float32), dtype=np.float32)
    # The spaces of the same id in this Gymnasium, when it has one of the same shapes, so that
    # `load(path, env=gym.make(id))` finds them equal; else the unbounded Box stays.
    try:
        registered = gym.make(spec["environment"])
        same_actions = (registered.action_space == action_space
                        or (isinstance(registered.action_space, gym.spaces.Box)
                            and isinstance(action_space, gym.spaces.Box)
                            and registered.action_space.shape == action_space.shape
                            and np.allclose(registered.action_space.low, action_space.low)
                            and np.allclose(registered.action_space.high, action_space.high)))
        if (isinstance(registered.observation_space, gym.spaces.Box)
                and registered.observation_space.shape == observation_space.shape and same_actions):
            observation_space, action_space = registered.observation_space, registered.action_space
        registered.close()
    except Exception:
        pass

    class Spaces(gym.Env):
        """An environment with the policy's spaces, never stepped: SB3's constructors need one."""

        def __init__(self):
            self.observation_space = observation_space
            self.action_space = action_space

        def reset(self, *, seed=None, options=None):
            return np.zeros(observation_space.shape, dtype=np.float32), {}

        def step(self, action):
            return np.zeros(observation_space.shape, dtype=np.float32), 0.0, True, False, {}

    venv = DummyVecEnv([Spaces])
    kwargs = dict(spec["policy_kwargs"])
    kwargs["activation_fn"] = {"tanh": th.nn.Tanh, "relu": th.nn.ReLU}[kwargs["activation_fn"]]
    algorithm = {"PPO": PPO, "A2C": A2C}[spec["algorithm"]]
    model = algorithm(
        "MlpPolicy", venv, policy_kwargs=kwargs, device="cpu", seed=0, use_sde=spec["use_sde"],
        **spec.get("hyperparameters", {}))

    ours = {
        name: th.tensor(tensor["values"], dtype=th.float32).reshape(tensor["shape"])
        for name, tensor in spec["state_dict"].items()
    }
    theirs = model.policy.state_dict()
    if set(ours) != set(theirs) or any(tuple(ours[k].shape) != tuple(theirs[k].shape) for k in ours):
        described = lambda d: ", ".join(f"{k} {list(v.shape)}" for k, v in sorted(d.items()))
        fail(4, "Stable-Baselines3 " + stable_baselines3.__version__ + " builds a policy with tensors "
             + described(theirs) + "; the runner's policy has " + described(ours))
    model.policy.load_state_dict(ours, strict=True)
    model.save(spec["output"])

    statistics = spec.get("normalization")
    if statistics is not None:
        normalizer = VecNormalize(
            venv, training=False, norm_obs=statistics["norm_obs"], norm_reward=statistics["norm_reward"],
            clip_obs=statistics["clip_obs"], clip_reward=statistics["clip_reward"], gamma=statistics["gamma"],
            epsilon=statistics["epsilon"])
        normalizer.obs_rms.mean = np.array(statistics["obs_mean"], dtype=np.float64)
        normalizer.obs_rms.var = np.array(statistics["obs_var"], dtype=np.float64)
        normalizer.obs_rms.count = float(statistics["obs_count"])
        normalizer.ret_rms.mean = np.array(statistics["ret_mean"], dtype=np.float64).reshape(())
        normalizer.ret_rms.var = np.array(statistics["ret_var"], dtype=np.float64).reshape(())
        normalizer.ret_rms.count = float(statistics["ret_count"])
        normalizer.save(spec["vec_normalize"])


if __name__ == "__main__":
    main()
