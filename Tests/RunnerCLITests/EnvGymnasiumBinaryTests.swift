import Foundation
import PolicyGradient
import TestSupport
import Testing

/// Whether the binary reaches a Python with Gymnasium (`runner env list --gymnasium` answers),
/// decided once; where RUNNER_REQUIRE_GYMNASIUM=1 the tests run regardless and fail without it.
enum BridgeAvailability {
    static let required = ProcessInfo.processInfo.environment["RUNNER_REQUIRE_GYMNASIUM"] == "1"

    /// Nil when `runner env list --gymnasium` lists CartPole-v1, else what it said.
    static let problem: String? = {
        guard let outcome = try? BinaryRunner.run(["env", "list", "--gymnasium"]) else { return "runner did not start" }
        return outcome.status == 0 && outcome.stdout.contains("CartPole-v1\n") ? nil : outcome.stderr
    }()

    static let shouldRun: Bool = {
        if let problem, !required {
            FileHandle.standardError.write(Data("Gymnasium binary tests skipped: \(problem)\n".utf8))
            return false
        }
        return true
    }()
}

/// `runner env list --gymnasium` and `runner env check` through the built binary.
@Suite(.serialized, .enabled(if: BridgeAvailability.shouldRun, "needs Python with gymnasium"))
struct EnvGymnasiumBinaryTests {
    /// A module that registers `RunnerCheck-Extra-v0` and replaces `CartPole-v1` with a variant
    /// whose pole may lean 10 degrees instead of 12 before the episode ends.
    static let variantModule = "runner_cartpole_variant"
    static let variantSource = """
        import math
        import gymnasium as gym
        from gymnasium.envs.classic_control.cartpole import CartPoleEnv


        class NarrowCartPole(CartPoleEnv):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.theta_threshold_radians = 10 * 2 * math.pi / 360


        gym.register("CartPole-v1", entry_point=NarrowCartPole, max_episode_steps=500, reward_threshold=475.0)
        gym.register("RunnerCheck-Extra-v0", entry_point=NarrowCartPole, max_episode_steps=50)
        """

    @Test func listPrintsTheRegisteredIdsSortedAndTheImportsOnes() throws {
        let plain = try BinaryRunner.run(["env", "list", "--gymnasium"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let ids = plain.stdout.split(separator: "\n").map(String.init)
        #expect(ids.contains("CartPole-v1") && ids.contains("HalfCheetah-v5") && ids.contains("LunarLander-v3"))
        #expect(ids == ids.sorted() && !ids.contains("RunnerCheck-Extra-v0"))

        let folder = TemporaryFolder()
        folder.write("\(Self.variantModule).py", Self.variantSource)
        let extended = try BinaryRunner.run([
            "env", "list", "--gymnasium", "--import", Self.variantModule, "--python-path", folder.url.path,
            "--entry-points",
        ])
        #expect(extended.status == 0, "\(extended.stderr)")
        let lines = extended.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id ") == true)
        #expect(lines.contains { $0.hasPrefix("RunnerCheck-Extra-v0 ") && $0.hasSuffix(" \(Self.variantModule):NarrowCartPole") },
                "\(extended.stdout)")
        #expect(lines.contains { $0.hasPrefix("Pendulum-v1 ") && $0.hasSuffix(" gymnasium.envs.classic_control.pendulum:PendulumEnv") })
    }

    @Test func listWithoutPythonOrWithAMissingImportExits2() throws {
        let noPython = try BinaryRunner.run(["env", "list", "--gymnasium", "--python", "/nonexistent/python3"])
        #expect(noPython.status == 2 && noPython.stdout.isEmpty)
        #expect(noPython.stderr.contains("no Python to run Gymnasium: /nonexistent/python3 is not an executable file"),
                "\(noPython.stderr)")
        let noModule = try BinaryRunner.run(["env", "list", "--gymnasium", "--import", "runner_no_such_module"])
        #expect(noModule.status == 2 && noModule.stderr.contains("no module named runner_no_such_module"), "\(noModule.stderr)")
        let stray = try BinaryRunner.run(["env", "list", "--import", "x"])
        #expect(stray.status == 64 && stray.stderr.contains("go with --gymnasium"))
    }

    /// Gymnasium's Acrobot with each `x**2` of its equations of motion written `x * x` (C's
    /// `pow(x, 2)`, which NumPy calls and the native port calls too, differs from `x * x` in the
    /// last bit for about one input in a thousand).
    static let productAcrobotModule = "runner_product_acrobot"
    static let productAcrobotSource = #"""
        import inspect, re, textwrap
        import gymnasium as gym
        from numpy import cos, pi, sin
        from gymnasium.envs.classic_control import acrobot

        source = re.sub(r"(\w+)\*\*2", r"(\1 * \1)", textwrap.dedent(inspect.getsource(acrobot.AcrobotEnv._dsdt)))
        namespace = dict(cos=cos, sin=sin, pi=pi)
        exec(source, namespace)


        class ProductAcrobot(acrobot.AcrobotEnv):
            _dsdt = namespace["_dsdt"]


        gym.register("Acrobot-v1", entry_point=ProductAcrobot, max_episode_steps=500, reward_threshold=-100.0)
        """#

    /// The four classic-control environments agree with their native ports bit for bit, over
    /// several episodes.
    @Test(arguments: ["CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1"])
    func classicControlAgreesBitwise(id: String) throws {
        let outcome = try BinaryRunner.run(["env", "check", id, "--steps", "1000", "--seed", "3"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let line = outcome.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("\(id): 1000 steps agree bitwise with the native environment"), "\(line)")
        let episodes = try #require(line.firstMatch(of: /; (\d+) episodes, seed 3\)$/).map { Int($0.1)! })
        #expect(episodes >= 2, "\(line)")
    }

    /// `runner env check ID` against Gymnasium after importing `module` (written from `source`
    /// to a temporary folder on the workers' path), which re-registers the id.
    static func check(_ id: String, steps: Int, seed: Int, module: String, source: String) throws -> BinaryRunner.Outcome {
        let folder = TemporaryFolder()
        folder.write("\(module).py", source)
        return try BinaryRunner.run([
            "env", "check", id, "--steps", String(steps), "--seed", String(seed), "--import", module,
            "--python-path", folder.url.path,
        ])
    }

    /// An Acrobot whose squares are products leaves the native one (which squares with `pow`,
    /// as Gymnasium does) in the last bit within the first episode of seed 0, and the check
    /// says where.
    @Test func squaresAsProductsDifferInTheLastBit() throws {
        let outcome = try Self.check(
            "Acrobot-v1", steps: 500, seed: 0, module: Self.productAcrobotModule, source: Self.productAcrobotSource)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Acrobot-v1: step 7 differs (episode 1, its step 7, action 1): state[0]: "),
                "\(outcome.stdout)")
    }

    /// A CartPole whose episodes end at 10 degrees differs at the first step where the native
    /// pole leans between 10 and 12 degrees, found here with the check's own draws.
    @Test func aChangedConstantIsReportedAtItsStep() throws {
        let outcome = try Self.check(
            "CartPole-v1", steps: 2000, seed: 5, module: Self.variantModule, source: Self.variantSource)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")

        var native = TimeLimit(CartPole())
        var resets = RandomGenerator(seed: 5, stream: .environment)
        var actions = RandomGenerator(seed: 5, stream: .actions)
        native.reset(using: &resets)
        let narrow = 10 * 2 * Double.pi / 360
        var expected: Int?
        for step in 0..<2000 {
            let result = native.step(discrete: actions.int(below: 2), using: &resets)
            if !result.terminated && abs(native.base.state[2]) > narrow {
                expected = step
                break
            }
            if result.done { native.reset(using: &resets) }
        }
        let step = try #require(expected)
        #expect(outcome.stdout.hasPrefix("CartPole-v1: step \(step) differs ("), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("terminated: gymnasium true, native false"), "\(outcome.stdout)")
    }

    @Test func aMujocoEnvironmentPassesTheSmokeCheck() throws {
        let outcome = try BinaryRunner.run(["env", "check", "HalfCheetah-v5", "--steps", "1200", "--seed", "1"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "HalfCheetah-v5: observation space Box(shape [17], float64, low -inf, high inf)", "\(lines)")
        #expect(lines.contains("HalfCheetah-v5: action space Box(shape [6], float32, low -1.0, high 1.0)"))
        #expect(lines.contains("HalfCheetah-v5: time limit 1000"))
        // 1200 steps cross the time limit once: the autoreset is compared too.
        #expect(lines.contains("HalfCheetah-v5: 1200 steps of two copies reset with seed 1 agree bitwise (episodes ended: 1)"),
                "\(lines)")
    }

    @Test func anUnknownIdExits2() throws {
        let outcome = try BinaryRunner.run(["env", "check", "NoSuchEnvironment-v0", "--steps", "10"])
        #expect(outcome.status == 2 && outcome.stderr.contains("NoSuchEnvironment"), "\(outcome.stderr)")
    }
}
