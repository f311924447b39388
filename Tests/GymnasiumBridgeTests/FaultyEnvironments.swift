import TestSupport

/// A Python module, written to a temporary folder and imported through the extra imports, that
/// registers environments which fail on purpose.
enum FaultyEnvironments {
    static let module = "runner_faulty_environments"

    static let source = #"""
        import time
        import gymnasium as gym
        import numpy as np


        class Counting(gym.Env):
            """Observes [t, t]; `kind` decides what happens at step 3 of a copy reset with seed 2."""

            observation_space = gym.spaces.Box(-np.inf, np.inf, (2,), np.float64)
            action_space = gym.spaces.Discrete(2)

            def __init__(self, kind):
                self.kind = kind

            def reset(self, seed=None, options=None):
                super().reset(seed=seed)
                self.t = 0
                if seed is not None:
                    self.faulty = seed == 2
                return np.zeros(2), {}

            def step(self, action):
                self.t += 1
                fault = self.kind if self.t == 3 and self.faulty else None
                if fault == "raise":
                    raise RuntimeError("a step that fails on purpose")
                if fault == "hang":
                    time.sleep(600)
                value = float("nan") if fault == "nan" else float(self.t)
                return np.full(2, value), 1.0, False, False, {}


        class Nested(gym.Env):
            observation_space = gym.spaces.Dict({"a": gym.spaces.Discrete(3)})
            action_space = gym.spaces.Discrete(2)


        for kind in ["raise", "hang", "nan"]:
            gym.register(f"Faulty-{kind}-v0", entry_point=Counting, kwargs={"kind": kind})
        gym.register("Faulty-dict-v0", entry_point=Nested)
        """#

    /// A folder holding the module; keep it alive while a pool imports from it.
    static func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("\(module).py", source)
        return folder
    }
}
