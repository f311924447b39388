import Foundation
import PolicyGradient
import TestSupport
import Testing

/// The compiled versions of the dense kernels give byte-identical results through the binary: a
/// sweep of neural-network jobs (PPO and A2C on CartPole with their minibatch and
/// gradient-variance paths, Gaussian A2C on Pendulum) run under `RUNNER_KERNELS=baseline`, `avx2`
/// and `avx512` (those this machine runs) writes the same CSVs, curves and variance rows, bit for
/// bit.
@Suite struct KernelVersionBinaryTests {
    static let sweep = """
        experiment: kernels
        environment: {id: CartPole-v1, num_envs: 4}
        policy: {architecture: mlp, hidden: [64, 64]}
        estimator: {name: ppo, gamma: 0.98, lambda: 0.8, n_steps: 32, epochs: 4, minibatches: 2, clip: 0.2}
        baseline: value
        optimizer: {name: adam, lr: 1.0e-3}
        training: {steps: 3072, eval_every: 1024, eval_episodes: 2}
        diagnostics:
          gradient_variance: {every: 1024, samples: 4, compare: [none, value]}
        seeds: 2
        zip:
          - estimator.name: [ppo, a2c, a2c]
            environment.id: [CartPole-v1, CartPole-v1, Pendulum-v1]

        """

    @Test func versionNamesTheKernelsThatRun() throws {
        let chosen = try BinaryRunner.run(["--version"], environment: ["RUNNER_KERNELS": "baseline"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.hasSuffix("dense kernels: baseline\n"), "\(chosen.stdout)")
        let unknown = try BinaryRunner.run(["--version"], environment: ["RUNNER_KERNELS": "fastest"])
        #expect(unknown.stdout.hasSuffix("dense kernels: \(Self.fastest)\n"), "\(unknown.stdout)")
    }

    /// The version the runner picks when `RUNNER_KERNELS` names none it runs.
    static var fastest: String {
        [DenseKernels.InstructionSet.avx512, .avx2].first(where: \.isSupported)?.rawValue ?? "baseline"
    }

    @Test func everyKernelVersionWritesByteIdenticalResults() throws {
        let versions = DenseKernels.InstructionSet.allCases.filter(\.isSupported).map(\.rawValue)
        guard versions.count > 1 else {
            print("KernelVersionBinaryTests: this machine runs only the baseline kernels; nothing to compare")
            return
        }
        let dir = TemporaryFolder()
        let config = dir.write("kernels.yaml", Self.sweep)
        var outputs: [[String: Data]] = []
        for version in versions {
            let results = dir.url.appendingPathComponent(version)
            let run = try BinaryRunner.run(
                ["run", config, "--results", results.path, "--no-progress"], in: dir.url,
                environment: ["RUNNER_KERNELS": version])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try RunBinaryTests.outputs(results.appendingPathComponent("kernels")))
        }
        let curves = outputs[0].keys.filter { $0.hasPrefix("/jobs/") && $0.hasSuffix("curve.csv") }
        #expect(curves.count == 6)
        #expect(outputs[0].keys.filter { $0.hasPrefix("/jobs/") && $0.hasSuffix("variance.csv") }.count == 6)
        for (version, output) in zip(versions, outputs).dropFirst() {
            #expect(output == outputs[0], "\(version) differs from \(versions[0]): \(outputs[0].keys.filter { outputs[0][$0] != output[$0] })")
        }
    }
}
