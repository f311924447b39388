import Experiment
import PolicyGradient
import Testing

/// `policy.sde` and `policy.sde_sample_freq`: defaults, located errors, the warning when the
/// frequency is set without gSDE, and job identities that do not change while gSDE is off.
@Suite struct StateDependentExplorationSettingsTests {
    let scratch = Scratch()

    static func pendulum(_ policy: String) -> String {
        """
        experiment: test
        environment:
          id: Pendulum-v1
        estimator:
          name: a2c
        training:
          steps: 1000
        policy:
        \(policy)

        """
    }

    @Test func defaultsAreOffAndOncePerRollout() throws {
        let s = try scratch.load("a.yaml", Self.pendulum("  hidden: [64, 64]")).cells[0].settings
        #expect(!s.policy.sde && s.policy.sdeSampleFreq == -1)
        let on = try scratch.load("b.yaml", Self.pendulum("  sde: true\n  sde_sample_freq: 4")).cells[0].settings
        #expect(on.policy.sde && on.policy.sdeSampleFreq == 4)
    }

    @Test(arguments: [0, -2])
    func aFrequencyThatIsNeitherMinusOneNorPositiveIsALocatedError(_ k: Int) {
        scratch.expectSingleError(
            Self.pendulum("  sde: true\n  sde_sample_freq: \(k)"), line: 10, column: 20, path: "policy.sde_sample_freq",
            contains: "must be -1")
    }

    @Test func aFrequencyWithoutSDEIsIgnoredWithAWarning() {
        let diagnostics = scratch.errors(Self.pendulum("  sde_sample_freq: 4"))
        #expect(diagnostics.isEmpty)
        let plan = try? scratch.load("w.yaml", Self.pendulum("  sde_sample_freq: 4"))
        let warning = plan?.warnings.first { $0.path == "policy.sde_sample_freq" }
        #expect(warning?.message.contains("only policy.sde: true uses it") == true, "\(String(describing: plan?.warnings))")
    }

    /// Writing `sde: false` (or a frequency without gSDE) leaves the job id as it was; `sde:
    /// true` is a different job.
    @Test func jobIdentityChangesOnlyWithSDEOn() throws {
        let plain = try scratch.load("p.yaml", Self.pendulum("  hidden: [64, 64]")).jobs[0]
        let off = try scratch.load("o.yaml", Self.pendulum("  sde: false\n  sde_sample_freq: 8")).jobs[0]
        let on = try scratch.load("s.yaml", Self.pendulum("  sde: true")).jobs[0]
        #expect(plain.id == off.id && plain.canonical == off.canonical)
        #expect(!plain.canonical.contains("sde"))
        #expect(on.id != plain.id && on.canonical.contains("\"sde\":true") && on.canonical.contains("\"sde_sample_freq\":-1"))
    }
}
