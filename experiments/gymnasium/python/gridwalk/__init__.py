"""GridWalk: a small Gymnasium environment in a package of one's own, registered on import.

An agent on a line of `length` cells starts in the middle and steps left (0) or right (1); a
step costs 0.1 and reaching the right end pays 1 and ends the episode. The left end is a wall.
Observations are [position / (length - 1), 1.0]. experiments/gymnasium/gridwalk.yaml trains it
through the runner's Gymnasium backend (docs/environments.md, "Bring your own environment").
"""

import gymnasium as gym
import numpy as np


class GridWalk(gym.Env):
    def __init__(self, length=7):
        self.length = int(length)
        self.observation_space = gym.spaces.Box(0.0, 1.0, (2,), np.float32)
        self.action_space = gym.spaces.Discrete(2)

    def observation(self):
        return np.array([self.position / (self.length - 1), 1.0], dtype=np.float32)

    def reset(self, seed=None, options=None):
        super().reset(seed=seed)
        # A random start near the middle, from the generator Gymnasium seeds.
        self.position = self.length // 2 + int(self.np_random.integers(-1, 2))
        return self.observation(), {}

    def step(self, action):
        self.position = max(0, self.position + (1 if action == 1 else -1))
        reached = self.position >= self.length - 1
        return self.observation(), (1.0 if reached else -0.1), reached, False, {}


gym.register("GridWalk-v0", entry_point=GridWalk, max_episode_steps=50)
