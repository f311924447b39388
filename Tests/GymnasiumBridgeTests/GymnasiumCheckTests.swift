import Foundation
import GymnasiumBridge
import PolicyGradient
import TestSupport
import Testing

/// `GymnasiumCheck.smoke` on environments made to leave their bounds or to share a generator.
@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRun, "needs Python with gymnasium"))
struct GymnasiumCheckTests {
    static let module = "runner_check_environments"
    static let source = #"""
        import random
        import gymnasium as gym
        import numpy as np


        class Drifting(gym.Env):
            """Observes [t / 4, noise] in a Box of [-1, 1]: t = 5 and 6 are outside; 6 steps an episode."""

            observation_space = gym.spaces.Box(-1.0, 1.0, (2,), np.float64)
            action_space = gym.spaces.Discrete(2)

            def __init__(self, shared=False):
                self.shared = shared

            def reset(self, seed=None, options=None):
                super().reset(seed=seed)
                self.t = 0
                return np.zeros(2), {}

            def step(self, action):
                self.t += 1
                noise = random.random() if self.shared else self.np_random.random()
                return np.array([self.t / 4, noise]), float(action), self.t >= 6, False, {}


        gym.register("Check-Drifting-v0", entry_point=Drifting)
        gym.register("Check-Shared-v0", entry_point=Drifting, kwargs={"shared": True})
        """#

    static func spec(_ id: String, folder: TemporaryFolder) -> GymnasiumEnvironmentSpec {
        folder.write("\(module).py", source)
        return GymnasiumEnvironmentSpec(id: id, extraImports: [module], searchPaths: [folder.url.path])
    }

    @Test func observationsOutsideTheBoundsAreFlaggedWithoutFailing() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let outcome = try GymnasiumCheck.smoke(Self.spec("Check-Drifting-v0", folder: folder), steps: 12, seed: 4)
        #expect(outcome.agrees)
        #expect(outcome.lines == [
            "Check-Drifting-v0: observation space Box(shape [2], float64, low -1.0, high 1.0)",
            "Check-Drifting-v0: action space Discrete(2, start 0)",
            "Check-Drifting-v0: time limit none",
            "Check-Drifting-v0: 12 steps of two copies reset with seed 4 agree bitwise (episodes ended: 2)",
            "Check-Drifting-v0: flagged: 4 observation values outside the observation space's bounds; "
                + "first at step 4: observation[0] = 1.25 outside [-1.0, 1.0]",
        ])
    }

    @Test func copiesDrawingFromASharedGeneratorDiffer() throws {
        guard GymnasiumPython.check() else { return }
        let folder = TemporaryFolder()
        let outcome = try GymnasiumCheck.smoke(Self.spec("Check-Shared-v0", folder: folder), steps: 12, seed: 4)
        #expect(!outcome.agrees)
        #expect(outcome.lines.last?.hasPrefix("Check-Shared-v0: step 0 differs between the copies (action ") == true,
                "\(outcome.lines)")
        #expect(outcome.lines.last?.contains(": observation[1]: copy 0 ") == true, "\(outcome.lines)")
    }
}
