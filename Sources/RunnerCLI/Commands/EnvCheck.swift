import ArgumentParser
import GymnasiumBridge
import PolicyGradient

extension Env {
    /// `runner env check ID`: a Gymnasium environment through the bridge, against the native
    /// port where there is one (docs/environments.md, "Checking a bridged environment").
    struct EnvCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a Gymnasium environment through the bridge, bit for bit.",
            discussion: """
                For an id the runner also has natively (CartPole-v1, Acrobot-v1, \
                MountainCar-v0, Pendulum-v1), steps Gymnasium's environment and the native one \
                in lockstep: each episode starts from the native reset's state, given to \
                Gymnasium with `env.unwrapped.state = ...`; both take the same actions, drawn \
                from --seed; each step's observation, reward, terminated, truncated and state \
                are compared bit for bit. Prints the first differing step with both values, or \
                `N steps agree bitwise`. For any other id (a smoke check): prints the spaces \
                and the time limit, steps two copies reset with the same seed through the same \
                actions and compares them bit for bit, and flags observations outside the \
                observation space's bounds (a flag does not fail the check). Exit 0 when \
                everything compared agrees, 1 at the first difference, 2 when the Python, \
                Gymnasium, an --import or the id cannot be found, or the environment raises.
                """)

        @Argument(help: "A Gymnasium id (see `runner env list --gymnasium`).")
        var id: String

        @Option(help: "The backend to check through (only gymnasium).")
        var backend: String = "gymnasium"

        @Option(help: "Steps to compare.")
        var steps: Int = 1000

        @Option(help: "Seed of the resets and of the actions.")
        var seed: UInt64 = 0

        @OptionGroup var python: GymnasiumOptions

        func validate() throws {
            guard backend == "gymnasium" else { throw ValidationError("--backend: only gymnasium can be checked") }
            guard (1...10_000_000).contains(steps) else { throw ValidationError("--steps must be in 1...10000000") }
        }

        func run() throws {
            let spec = python.spec(id)
            let outcome = try python.reporting {
                if let descriptor = EnvironmentRegistry.descriptor(id: id), !descriptor.isTabular,
                    !descriptor.stateVariables.isEmpty
                {
                    return try GymnasiumCheck.lockstep(spec, native: try descriptor.make(), steps: steps, seed: seed)
                }
                return try GymnasiumCheck.smoke(spec, steps: steps, seed: seed)
            }
            Console.out(outcome.lines.joined(separator: "\n"))
            if !outcome.agrees { throw ExitStatus.failure }
        }
    }
}
