import ArgumentParser
import PolicyExport

/// `runner export POLICY --format sb3 --output model.zip`: a saved policy for another library.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a completed job's policy (jobs/<id> or its policy.json) for Stable-Baselines3.",
        discussion: """
            Writes a model that Stable-Baselines3's PPO.load or A2C.load reads (PPO for the ppo \
            estimator, A2C for a2c and gae), built by the configured Python (--python, else \
            RUNNER_PYTHON, else python3), which needs stable-baselines3 and torch. When the job \
            normalized observations, their statistics go to a VecNormalize pickle \
            (vecnormalize.pkl beside the model unless --vec-normalize names another path). \
            Exit 64 when the policy or its config.yaml cannot be read or --output does not end in \
            .zip; 65 when the policy cannot be expressed as an SB3 MlpPolicy (a tabular policy, \
            a shared trunk, a Q critic, no critic, different activations for policy and \
            critic, a policy.json of format 1); 69 when no Python imports stable-baselines3 and \
            torch; 1 when Python fails otherwise or the files cannot be written \
            (docs/policy-format.md).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case sb3 }

    @Argument(help: "A completed job's folder (jobs/<id>) or its policy.json.")
    var policy: String

    @Option(help: "The format to write: sb3.")
    var format: Format

    @Option(help: "The model file to write (ending in .zip).")
    var output: String

    @Option(help: "Where the observation statistics go (default: vecnormalize.pkl beside the model).")
    var vecNormalize: String?

    @Option(help: "The Python that builds the model (default: RUNNER_PYTHON, else python3 on PATH).")
    var python: String?

    func run() throws {
        do {
            let written = try SB3Export(policyPath: policy, output: output, vecNormalize: vecNormalize, python: python)
                .write()
            Console.out("\(written.model): Stable-Baselines3 \(written.algorithm) model")
            if let statistics = written.vecNormalize { Console.out("\(statistics): VecNormalize statistics") }
        } catch {
            Console.error("error: \(error.description)")
            throw switch error {
            case .unreadable: ExitStatus.usage
            case .notExpressible: ExitStatus.notExpressible
            case .pythonUnavailable: ExitStatus.pythonUnavailable
            case .failed: ExitStatus.failure
            }
        }
    }
}
