import Experiment
import Foundation
import Testing
import YAML

/// Job ids are hashes of canonical configurations: stable, and blind to formatting.
@Suite struct JobIdentityTests {
    let scratch = Scratch()

    @Test func sha256MatchesTheStandardsTestVectors() {
        // FIPS 180-4 examples.
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Longer than one block, and a length that is not a multiple of 64 (Python's hashlib).
        #expect(SHA256.hex(String(repeating: "a", count: 1000))
            == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func theFlagshipExperimentsIdsArePinned() throws {
        // Pinned once: a change here changes every user's cache, so it must be deliberate.
        let plan = try ExperimentLoader().load(path: experimentsDirectory.appendingPathComponent("a2c.yaml").path)
        #expect(plan.jobs.first?.id == "a9e71dfb08ad7e90")
        #expect(plan.jobs.count == 20)
    }

    @Test func formattingDoesNotChangeIdentity() throws {
        let block = try scratch.load("b.yaml", minimal("optimizer:\n  name: adam\n  lr: 0.001\n"))
        let flow = try scratch.load("f.yaml", """
            # reordered, flow style, scientific notation, explicit defaults
            training: {steps: 1000, eval_episodes: 10}
            optimizer: {lr: 1e-3, name: adam}
            estimator: {gamma: 0.99, name: a2c}
            environment: {id: CartPole-v1, num_envs: 1}
            experiment: another-name
            description: names and descriptions are not settings
            """)
        #expect(block.jobs.map(\.id) == flow.jobs.map(\.id))
    }

    @Test func ignoredSettingsDoNotChangeIdentity() throws {
        let plain = try scratch.load("p.yaml", minimal())
        let withLambda = try scratch.load("l.yaml", minimal().replacingOccurrences(
            of: "  name: a2c", with: "  name: a2c\n  lambda: 0.5\n  epochs: 9"))
        #expect(plain.jobs[0].id == withLambda.jobs[0].id)
        #expect(!plain.jobs[0].canonical.contains("\"lambda\""))
    }

    @Test func everySettingAndTheSeedChangeIdentity() throws {
        let base = try scratch.load("p.yaml", minimal("seeds: 2\n"))
        #expect(base.jobs[0].id != base.jobs[1].id)
        let other = try scratch.load("o.yaml", minimal("seeds: 2\nentropy_coef: 0.001\n"))
        #expect(base.jobs[0].id != other.jobs[0].id)
        #expect(base.jobs[0].canonical.contains("\"seed\":0"))
    }

    /// Every setting a job uses reaches its canonical form: decoding the canonical tree back
    /// gives the cell's settings, for a file that moves every used key off its default.
    @Test(arguments: [
        """
        environment: {id: CartPole-v1, num_envs: 3, max_episode_steps: 321}
        policy: {architecture: mlp, hidden: [7, 5], activation: relu, init: normal}
        estimator: {name: ppo, gamma: 0.97, n_steps: 12, lambda: 0.8, normalize_advantage: false,
                    bootstrap_truncated: false, epochs: 3, minibatches: 2, clip: 0.3}
        baseline: value
        critic: {hidden: [9], activation: tanh, value_coef: 0.7, target: target_network, target_update: 7}
        entropy_coef: 0.02
        optimizer: {name: adam, lr: 0.002, schedule: linear, max_grad_norm: 1.5, beta1: 0.8, beta2: 0.99, eps: 1.0e-6}
        training: {steps: 999, eval_every: 33, eval_episodes: 4, eval_policy: greedy}
        diagnostics: {gradient_variance: {every: 50, samples: 5, compare: [none, value]}}
        """,
        """
        environment: {id: Chain, num_envs: 2, max_episode_steps: 9, params: {length: 4, slip: 0.3, small_reward: 1.5, large_reward: 7.0}}
        policy: {architecture: tabular, init: normal}
        estimator: {name: reinforce, gamma: 0.9, episodes_per_update: 3, reward_to_go: false, discount_weighting: true,
                    normalize_advantage: true}
        baseline: optimal
        optimizer: {name: sgd, lr: 0.3, momentum: 0.5, max_grad_norm: null}
        training: {steps: 500, eval_every: 50, eval_episodes: 3}
        """,
    ])
    func canonicalFormRoundTripsEveryUsedSetting(settings: String) throws {
        let plan = try scratch.load("r.yaml", "experiment: r\n" + settings)
        let job = plan.jobs[0]
        let settingsTree = Node(.mapping((job.canonicalTree.mapping ?? []).filter { $0.key != "seed" }))
        let decoded = try YAMLDecoder().decode(JobSettings.self, from: settingsTree)
        #expect(decoded == job.config.settings)
    }

    @Test func canonicalTextIsSortedJSON() throws {
        let job = try scratch.load("p.yaml", minimal()).jobs[0]
        let object = try JSONSerialization.jsonObject(with: Data(job.canonical.utf8)) as? [String: Any]
        #expect(object?["seed"] as? Int == 0)
        let keys = (object ?? [:]).keys.sorted()
        #expect(job.canonical.hasPrefix("{\"" + keys[0] + "\":"))
        #expect(job.id.count == JobIdentity.idLength)
        #expect(job.id == String(SHA256.hex(job.canonical).prefix(JobIdentity.idLength)))
        // The per-cell shortcut gives the same text as the canonical form of the whole tree.
        #expect(job.canonical == CanonicalForm.text(job.canonicalTree))
    }
}
