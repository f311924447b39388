#!/usr/bin/env python3
"""Reference traces of Gymnasium 1.x classic-control environments.

Writes one CSV file per environment into Tests/PolicyGradientTests/Fixtures/gymnasium/.
Each file is a sequence of segments. A segment starts with comment lines giving the
time limit, the internal start state and the action list, followed by the trace in the
format of `EnvironmentTrace` (docs/architecture.md section 8):

    # segment 3
    # max_episode_steps: 500
    # state: 0.01,-0.2,0.05,0.3
    # actions: 1;0;1;1
    step,action,reward,terminated,truncated,obs_0,obs_1,obs_2,obs_3
    0,1,1.0,false,false,...

Rows run up to and including the first terminated or truncated step, or until the
actions run out. Each segment is played as `env = gymnasium.make(id,
max_episode_steps=limit)`, `env.reset(seed=...)`, `env.unwrapped.state = state`, then
`env.step(action)` for each action, so the time limit counts from the start state.
Continuous actions are passed as arrays of the action space's dtype (float32), as an
agent sampling from `env.action_space` does: the listed float64 value is rounded to
float32 first, and under NumPy 2 (NEP 50) the torque terms of Pendulum are then computed
in float32. Numbers are printed with `repr`, which round-trips; observations are the
float32 observation widened to float64.

Pendulum-v1 also gets 150-step traces with random torques: for each seed in
PENDULUM_TORQUE_SEEDS the start state is Gymnasium's own `reset(seed=seed)` state and the
torques are `numpy.random.default_rng(seed).uniform(-2.5, 2.5, 150)` rounded to float32,
written into the file so the replay uses the same actions.

The committed fixtures were generated with Gymnasium 1.4.0 and numpy 2.4.6 (Python 3.11.7,
glibc 2.36, Linux x86-64); each file's first line records the versions used.

Usage: python3 tools/gymnasium_traces.py [--seed 0] [--out DIR]
Requires: pip install "gymnasium>=1.0,<2" "numpy>=2"
"""

import argparse
import math
import os
import sys

import numpy as np
import gymnasium as gym

PI = math.pi

# Seeds of Pendulum's random-torque traces (start state and torques).
PENDULUM_TORQUE_SEEDS = range(1000, 1012)
PENDULUM_TORQUE_STEPS = 150


def fmt(x):
    return repr(float(x))


def play(env_id, limit, state, actions, seed):
    """Steps a fresh TimeLimit-wrapped env from `state`; returns the trace rows."""
    env = gym.make(env_id, max_episode_steps=limit, disable_env_checker=True)
    env.reset(seed=seed)
    env.unwrapped.state = np.array(state, dtype=np.float64)
    continuous = isinstance(env.action_space, gym.spaces.Box)
    rows = []
    for t, action in enumerate(actions):
        a = np.array([action], dtype=env.action_space.dtype) if continuous else int(action)
        obs, reward, terminated, truncated, _ = env.step(a)
        rows.append((t, action, float(reward), bool(terminated), bool(truncated),
                     [float(v) for v in np.asarray(obs, dtype=np.float32)]))
        if terminated or truncated:
            break
    env.close()
    return rows


def segment_text(index, env_id, limit, state, actions, rows, continuous):
    act = (lambda a: fmt(a)) if continuous else (lambda a: str(int(a)))
    n = len(rows[0][5]) if rows else 0
    lines = [
        f"# segment {index}",
        f"# max_episode_steps: {limit}",
        "# state: " + ",".join(fmt(s) for s in state),
        "# actions: " + ";".join(act(a) for a in actions),
        ",".join(["step", "action", "reward", "terminated", "truncated"] + [f"obs_{i}" for i in range(n)]),
    ]
    for t, a, r, term, trunc, obs in rows:
        lines.append(",".join([str(t), act(a), fmt(r), str(term).lower(), str(trunc).lower()]
                              + [fmt(v) for v in obs]))
    return "\n".join(lines) + "\n\n"


def cartpole_segments(rng):
    xt, tt = 2.4, 12 * 2 * PI / 360
    segs = []
    # Broad random states: most segments end by termination.
    for _ in range(30):
        s = [rng.uniform(-xt, xt), rng.uniform(-2, 2), rng.uniform(-tt, tt), rng.uniform(-2, 2)]
        segs.append((500, s, rng.integers(0, 2, 40)))
    # Near the termination boundaries, on both sides of each threshold.
    for sign in (-1, 1):
        segs.append((500, [sign * 2.39, sign * 0.5, 0.0, 0.0], rng.integers(0, 2, 20)))
        segs.append((500, [0.0, 0.0, sign * (tt - 1e-3), sign * 0.1], rng.integers(0, 2, 20)))
        segs.append((500, [sign * 2.3999, 0.0, sign * 0.2094, 0.0], rng.integers(0, 2, 5)))
    # Moderate states: episodes of a few dozen steps under random actions.
    for _ in range(40):
        s = [rng.uniform(-1, 1), rng.uniform(-0.5, 0.5), rng.uniform(-0.1, 0.1), rng.uniform(-0.5, 0.5)]
        segs.append((500, s, rng.integers(0, 2, 60)))
    # Near the reset distribution, long action lists.
    for _ in range(10):
        s = list(rng.uniform(-0.05, 0.05, 4))
        segs.append((500, s, rng.integers(0, 2, 120)))
    # Truncation by a short time limit.
    for limit in (5, 12, 30):
        s = list(rng.uniform(-0.05, 0.05, 4))
        segs.append((limit, s, rng.integers(0, 2, limit + 10)))
    return segs


def acrobot_segments(rng):
    v1, v2 = 4 * PI, 9 * PI
    segs = []
    for _ in range(30):
        s = [rng.uniform(-PI, PI), rng.uniform(-PI, PI), rng.uniform(-v1, v1), rng.uniform(-v2, v2)]
        segs.append((500, s, rng.integers(0, 3, 30)))
    # Near the rest position (as after reset), below the bar.
    for _ in range(24):
        s = list(rng.uniform(-0.1, 0.1, 4))
        segs.append((500, s, rng.integers(0, 3, 40)))
    # Velocities at and beyond the clipping bounds.
    for sign in (-1, 1):
        segs.append((500, [0.5, -0.5, sign * v1, sign * v2], rng.integers(0, 3, 20)))
        segs.append((500, [-2.0, 1.0, sign * 12.0, -sign * 27.0], rng.integers(0, 3, 20)))
    # Just below the termination height, swinging up.
    for _ in range(6):
        s = [PI - rng.uniform(0.9, 1.1), rng.uniform(-0.3, 0.3), rng.uniform(0.5, 2.0), rng.uniform(-1, 1)]
        segs.append((500, s, rng.integers(0, 3, 30)))
    for limit in (8, 25):
        s = list(rng.uniform(-0.1, 0.1, 4))
        segs.append((limit, s, rng.integers(0, 3, limit + 10)))
    return segs


def mountaincar_segments(rng):
    segs = []
    for _ in range(12):
        s = [rng.uniform(-1.2, 0.6), rng.uniform(-0.07, 0.07)]
        segs.append((200, s, rng.integers(0, 3, 50)))
    # Near the goal, with positive and negative velocity.
    for _ in range(6):
        s = [rng.uniform(0.42, 0.5), rng.uniform(-0.01, 0.03)]
        segs.append((200, s, rng.integers(0, 3, 40)))
    # Against the left wall, moving left (the velocity is zeroed there).
    for _ in range(4):
        s = [rng.uniform(-1.2, -1.15), rng.uniform(-0.07, -0.02)]
        segs.append((200, s, rng.integers(0, 3, 30)))
    # Full episodes from the reset distribution: truncated at 200 steps.
    for _ in range(3):
        segs.append((200, [rng.uniform(-0.6, -0.4), 0.0], rng.integers(0, 3, 230)))
    segs.append((15, [rng.uniform(-0.6, -0.4), 0.0], rng.integers(0, 3, 30)))
    return segs


def pendulum_segments(rng):
    segs = []
    # Angles beyond [-pi, pi] exercise the floored modulo; torques beyond [-2, 2] the clip.
    for _ in range(16):
        s = [rng.uniform(-2 * PI, 2 * PI), rng.uniform(-8, 8)]
        segs.append((200, s, rng.uniform(-3, 3, 40)))
    for s in ([PI, 0.0], [-PI, 0.0], [0.0, 8.0], [0.0, -8.0], [3 * PI, 7.9], [-5.0, -9.0]):
        segs.append((200, s, rng.uniform(-3, 3, 20)))
    # Full episodes: truncated at 200 steps.
    for _ in range(3):
        s = [rng.uniform(-PI, PI), rng.uniform(-1, 1)]
        segs.append((200, s, rng.uniform(-3, 3, 210)))
    segs.append((10, [1.0, 0.0], rng.uniform(-3, 3, 20)))
    # Long traces from Gymnasium's reset distribution under random torques, some beyond the bound.
    for seed in PENDULUM_TORQUE_SEEDS:
        env = gym.make("Pendulum-v1", disable_env_checker=True)
        env.reset(seed=seed)
        state = [float(v) for v in env.unwrapped.state]
        env.close()
        torques = np.random.default_rng(seed).uniform(-2.5, 2.5, PENDULUM_TORQUE_STEPS).astype(np.float32)
        segs.append((200, state, torques))
    return segs


ENVS = [
    ("CartPole-v1", cartpole_segments, False),
    ("Acrobot-v1", acrobot_segments, False),
    ("MountainCar-v0", mountaincar_segments, False),
    ("Pendulum-v1", pendulum_segments, True),
]


def coinciding_segment(env_id, segs, continuous):
    """A segment whose termination falls exactly on the time limit (both flags true)."""
    for limit, state, actions in segs:
        rows = play(env_id, 10_000, state, actions, 0)
        if rows and rows[-1][3] and len(rows) >= 3:
            return (len(rows), state, actions)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "Tests", "PolicyGradientTests",
                                                       "Fixtures", "gymnasium"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    for env_id, make_segments, continuous in ENVS:
        segs = [(limit, [float(v) for v in s], [float(a) if continuous else int(a) for a in acts])
                for limit, s, acts in make_segments(rng)]
        if not continuous:
            both = coinciding_segment(env_id, segs, continuous)
            if both is not None:
                segs.append(both)
        text = [f"# Gymnasium {gym.__version__} (numpy {np.__version__}), {env_id}, "
                f"generated by tools/gymnasium_traces.py --seed {args.seed}\n\n"]
        steps = terminated = truncated = 0
        for i, (limit, state, actions) in enumerate(segs):
            rows = play(env_id, limit, state, actions, args.seed + i)
            steps += len(rows)
            terminated += bool(rows and rows[-1][3])
            truncated += bool(rows and rows[-1][4])
            text.append(segment_text(i, env_id, limit, state, actions, rows, continuous))
        path = os.path.join(args.out, f"{env_id}.csv")
        with open(path, "w") as f:
            f.write("".join(text))
        print(f"{env_id}: {len(segs)} segments, {steps} steps, {terminated} terminated, "
              f"{truncated} truncated -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
