import Experiment
import PolicyGradient
import Foundation
import Testing
import YAML

/// Files that use YAML's comforts load, and mean what they say.
@Suite struct ValidInputTests {
    let scratch = Scratch()

    @Test func anchorsSharedBetweenSections() throws {
        let plan = try scratch.load("a.yaml", """
            experiment: anchors
            environment: {id: CartPole-v1}
            policy:
              hidden: &widths [32, 16]
            critic:
              hidden: *widths
              share_trunk: false
            estimator: {name: a2c}
            training: {steps: 1000}
            """)
        #expect(plan.cells[0].settings.policy.hidden == [32, 16])
        #expect(plan.cells[0].settings.critic.hidden == [32, 16])
    }

    @Test func mergeKeysWithOverrides() throws {
        let plan = try scratch.load("m.yaml", minimal("""
            optimizer: &adam
              name: adam
              lr: 0.001
              beta2: 0.99
            grid:
              optimizer:
                - *adam
                - {<<: *adam, lr: 0.01}

            """))
        #expect(plan.cells.count == 2)
        let (first, second) = (plan.cells[0].settings.optimizer, plan.cells[1].settings.optimizer)
        #expect(first.name == .adam && second.name == .adam)
        #expect(first.lr == 0.001 && second.lr == 0.01)
        #expect(second.beta2 == 0.99)
    }

    @Test func flowStyleCommentsAndDocumentMarkers() throws {
        let plan = try scratch.load("f.yaml", """
            %YAML 1.2
            ---
            # a comment before everything
            experiment: flow   # trailing comment
            environment: {id: Chain, params: {length: 4, slip: 0.1}}
            estimator: {name: reinforce, gamma: 0.9}
            policy: {architecture: tabular}
            training: {steps: 1000, eval_every: 100}
            seeds: [0, 7, 42]
            ...
            """)
        #expect(plan.seeds == [0, 7, 42])
        #expect(plan.jobs.map(\.seed) == [0, 7, 42])
        #expect(plan.cells[0].settings.environment.params == [
            "length": .integer(4), "slip": .real(0.1), "small_reward": .real(2), "large_reward": .real(10),
        ])
    }

    @Test func crlfLineEndingsAndByteOrderMark() throws {
        let lf = minimal("entropy_coef: 0.01\n")
        let crlf = "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try scratch.load("lf.yaml", lf)
        let b = try scratch.load("crlf.yaml", crlf)
        #expect(a.jobs.map(\.id) == b.jobs.map(\.id))
        // Marks stay right under CRLF and a BOM.
        let errors = scratch.errors(crlf.replacingOccurrences(of: "0.01", with: "x"), name: "crlf-bad.yaml")
        #expect(errors.first?.mark.line == 8 && errors.first?.mark.column == 15, "\(errors)")
    }

    @Test func scientificAndLeadingDotFloats() throws {
        let plan = try scratch.load("s.yaml", minimal("optimizer: {name: adam, lr: 1e-3}\nentropy_coef: .5\n"))
        #expect(plan.cells[0].settings.optimizer.lr == 0.001)
        #expect(plan.cells[0].settings.entropyCoef == 0.5)
    }

    @Test func seedCountAndList() throws {
        #expect(try scratch.load("c.yaml", minimal("seeds: 3\n")).seeds == [0, 1, 2])
        #expect(try scratch.load("l.yaml", minimal("seeds: [5, 3]\n")).seeds == [5, 3])
        #expect(try scratch.load("d.yaml", minimal()).seeds == [0])
        let duplicate = scratch.errors(minimal("seeds: [1, 2, 1]\n"))
        #expect(duplicate.first?.mark.column == 15, "\(duplicate)")
    }

    @Test func gridZipAndExcludeExpansion() throws {
        let plan = try scratch.load("g.yaml", minimal("""
            seeds: 2
            grid:
              baseline: [none, mean, value]
              entropy_coef: [0.0, 0.01]
            zip:
              - {estimator.n_steps: [5, 16], optimizer.lr: [7.0e-4, 3.0e-4]}
            exclude:
              - {baseline: none, entropy_coef: 0.01}

            """))
        // 3 x 2 x 2 = 12 combinations, minus the 2 with baseline none and entropy 0.01.
        #expect(plan.cells.count == 10)
        #expect(plan.jobs.count == 20)
        #expect(plan.sweptKeys == ["baseline", "entropy_coef", "estimator.n_steps", "optimizer.lr"])
        let labels = plan.cells.map(\.label)
        #expect(labels.prefix(3) == [
            "baseline=none,entropy_coef=0.0,estimator.n_steps=5,optimizer.lr=0.0007",
            "baseline=none,entropy_coef=0.0,estimator.n_steps=16,optimizer.lr=0.0003",
            "baseline=mean,entropy_coef=0.0,estimator.n_steps=5,optimizer.lr=0.0007",
        ])
        #expect(!labels.contains { $0.hasPrefix("baseline=none,entropy_coef=0.01") })
        // The last axis varies fastest, and the seeds fastest of all.
        #expect(plan.jobs.prefix(4).map(\.cellIndex) == [0, 0, 1, 1])
        #expect(plan.jobs.prefix(4).map(\.seed) == [0, 1, 0, 1])
        let zipped = plan.cells.map { ($0.settings.estimator.nSteps, $0.settings.optimizer.lr) }
        #expect(zipped.allSatisfy { $0 == (5, 7.0e-4) || $0 == (16, 3.0e-4) })
        #expect(Set(plan.jobs.map(\.id)).count == plan.jobs.count)
    }

    @Test func ignoredSettingsWarnWithTheirLine() throws {
        let plan = try scratch.load("w.yaml", """
            experiment: w
            environment: {id: Chain}
            policy: {architecture: tabular}
            estimator:
              name: a2c
              lambda: 0.9
            training: {steps: 1000}
            grid:
              estimator.name: [reinforce, gae]
            """)
        #expect(plan.cells.count == 2)
        let warning = plan.warnings.first { $0.path == "estimator.lambda" }
        #expect(warning?.severity == .warning)
        #expect(warning?.mark.line == 6 && warning?.mark.column == 11)
    }

    @Test func aConstantBaselineUnderAdvantageNormalizationWarns() throws {
        let plan = try scratch.load("n.yaml", """
            experiment: n
            environment: {id: CartPole-v1}
            estimator: {name: ppo, n_steps: 16}
            baseline: mean
            training: {steps: 1000}
            diagnostics:
              gradient_variance: {every: 100, compare: [none, optimal]}
            """)
        let warnings = plan.warnings.map { "\($0.mark.line):\($0.mark.column) \($0.path)" }
        #expect(warnings.contains("4:11 baseline"), "\(warnings)")
        #expect(warnings.contains("7:51 diagnostics.gradient_variance.compare[1]"), "\(warnings)")
        let without = try scratch.load("m.yaml", """
            experiment: n
            environment: {id: CartPole-v1}
            estimator: {name: a2c}
            baseline: mean
            training: {steps: 1000}
            """)
        #expect(without.warnings.isEmpty)
    }

    @Test func defaultsFollowTheDesign() throws {
        let s = try scratch.load("d.yaml", minimal()).cells[0].settings
        #expect(s.environment.numEnvs == 1 && s.environment.maxEpisodeSteps == 500)
        #expect(s.policy.architecture == .mlp && s.policy.hidden == [64, 64] && s.policy.initialization == .orthogonal)
        #expect(s.critic.hidden == s.policy.hidden && s.critic.valueCoef == 0.5)
        #expect(s.estimator.gamma == 0.99 && s.estimator.nSteps == 5)
        #expect(s.baseline == .none && s.entropyCoef == 0)
        #expect(s.optimizer.maxGradNorm == 0.5)
        let tabular = try scratch.load("t.yaml", """
            experiment: t
            environment: {id: Chain}
            policy: {architecture: tabular}
            estimator: {name: reinforce}
            optimizer: {name: sgd, max_grad_norm: null}
            training: {steps: 100}
            """).cells[0].settings
        #expect(tabular.policy.initialization == .zeros)
        #expect(tabular.optimizer.maxGradNorm == nil)
        #expect(tabular.environment.maxEpisodeSteps == 20)  // docs/configuration.md
    }

    @Test func theShippedExperimentsAreValid() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: experimentsDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(files.contains("a2c.yaml"))
        for file in files {
            let plan = try ExperimentLoader().load(path: experimentsDirectory.appendingPathComponent(file).path)
            #expect(!plan.jobs.isEmpty, "\(file)")
            #expect(plan.warnings.isEmpty, "\(file): \(plan.warnings)")
        }
    }
}

/// The schema's environment ids are exactly the core's registry.
@Test func environmentIDsMatchTheRegistry() throws {
    for id in PolicyGradient.EnvironmentRegistry.ids { #expect(EnvironmentID(rawValue: id)?.rawValue == id) }
    #expect(EnvironmentID(rawValue: "LunarLander-v3") == nil)
    let pendulum = try #require(EnvironmentID(rawValue: "Pendulum-v1"))
    let cartPole = try #require(EnvironmentID(rawValue: "CartPole-v1"))
    #expect(pendulum.hasContinuousActions && !cartPole.hasContinuousActions)
    #expect(try #require(EnvironmentID(rawValue: "Chain")).isTabular && !cartPole.isTabular)
}
