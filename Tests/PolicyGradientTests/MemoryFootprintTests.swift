import Testing
@testable import PolicyGradient

/// The memory estimate against counts made independently: by hand for small networks, and from
/// the parameter buffers and optimizers a built session actually holds.
@Suite struct MemoryFootprintTests {
    static func settings(
        _ id: String = "CartPole-v1", estimator: TrainerSettings.EstimatorName = .a2c,
        policy: TrainerSettings.Policy = .init(), critic: TrainerSettings.Critic? = nil,
        optimizer: OptimizerConfiguration = .adam(), baseline: Baseline = .none
    ) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: id, numEnvs: 2), policy: policy, estimator: .init(name: estimator, nSteps: 4),
            baseline: baseline, critic: critic, optimizer: .init(configuration: optimizer),
            training: .init(steps: 16, evalEpisodes: 2))
    }

    @Test func parametersOfTheDefaultMLPsByHand() throws {
        let footprint = try MemoryFootprint(settings: Self.settings())
        // CartPole: 4 observations, 2 actions. Policy [4, 64, 64, 2]: 64·5 + 64·65 + 2·65 weights
        // and biases; critic [4, 64, 64, 1]: 64·5 + 64·65 + 1·65. Each float has a value, a
        // gradient and Adam's two moments: 16 bytes.
        #expect(footprint.bytes[.policyParameters] == (64 * 5 + 64 * 65 + 2 * 65) * 16)
        #expect(footprint.bytes[.criticParameters] == (64 * 5 + 64 * 65 + 1 * 65) * 16)
    }

    @Test func theTwoLayersOf65536OnCartPole() throws {
        let footprint = try MemoryFootprint(settings: Self.settings(policy: .init(hidden: [65536, 65536])))
        let policy = 65536 * 5 + 65536 * 65537 + 2 * 65537  // 4,295,491,586 parameters
        #expect(footprint.bytes[.policyParameters] == policy * 16)
        #expect(footprint.total > MemoryFootprint.limit)
        #expect(MemoryFootprint.describe(policy * 4) == "17.2 GB")
    }

    /// The parameter parts equal what a built session holds: its distinct parameter buffers
    /// (values and gradients), one optimizer state per buffer, and the target critic's copy.
    @Test(arguments: [
        settings(),
        settings(policy: .init(architecture: .linear)),
        settings("Pendulum-v1", policy: .init(hidden: [32, 16])),
        settings("Pendulum-v1", estimator: .ppo, critic: .init(hidden: [8], shareTrunk: true)),
        settings("Acrobot-v1", estimator: .actorCritic, critic: .init(hidden: [16, 16], target: .targetNetwork)),
        settings(estimator: .reinforce, optimizer: .sgd(momentum: 0.9)),
        settings(estimator: .reinforce, optimizer: .rmsprop(), baseline: .value),
        settings(estimator: .gae, policy: .init(hidden: [7, 5, 3]), critic: .init(hidden: [9])),
        settings("Pendulum-v1", policy: .init(hidden: [32, 16], sde: true)),
        settings("Pendulum-v1", policy: .init(architecture: .linear, sde: true)),
        settings("Pendulum-v1", estimator: .ppo, policy: .init(hidden: [12], sde: true), critic: .init(hidden: [8], shareTrunk: true)),
    ])
    func parameterPartsMatchABuiltSession(_ settings: TrainerSettings) throws {
        let footprint = try MemoryFootprint(settings: settings)
        let session = try #require(try Trainer.makeSession(settings) as? any ParameterHolding)
        #expect(footprint.bytes[.policyParameters] == session.parameterBytes.policy)
        #expect(footprint.bytes[.criticParameters] == session.parameterBytes.critic)
    }

    @Test func aTabularTableCountsStatesTimesActions() throws {
        let mdp = try Chain(length: 7, horizon: 5).mdp()
        let settings = TrainerSettings(
            environment: .init(source: .tabular(mdp)), policy: .init(architecture: .tabular),
            estimator: .init(name: .reinforce), optimizer: .init(configuration: .sgd()), training: .init(steps: 10))
        let footprint = try MemoryFootprint(settings: settings)
        // 7 states × 2 actions logits: value, gradient, SGD's buffer.
        #expect(footprint.bytes[.policyParameters] == 7 * 2 * 3 * 4)
        // P(s'|s,a), r(s,a) and the start distribution, in doubles.
        #expect(footprint.bytes[.tables] == (7 * 2 * 7 + 7 * 2 + 7) * 8)
        let session = try #require(try Trainer.makeSession(settings) as? any ParameterHolding)
        #expect(footprint.bytes[.policyParameters] == session.parameterBytes.policy)
    }

    @Test func reinforceCountsEpisodesUpToTheTimeLimit() throws {
        var settings = Self.settings(estimator: .reinforce, policy: .init(architecture: .linear))
        settings.environment.numEnvs = 3
        settings.environment.maxEpisodeSteps = 100
        settings.estimator.episodesPerUpdate = 4
        let short = try MemoryFootprint(settings: settings)
        settings.environment.maxEpisodeSteps = 1_000_000
        let long = try MemoryFootprint(settings: settings)
        // Stage: ⌈4/3⌉ · H lockstep steps of 3 copies; batch: 4 · H terms. Both grow with H.
        #expect(long.bytes[.rollout]! > short.bytes[.rollout]! * 9_000)
        settings.environment.maxEpisodeSteps = Int.max
        #expect(try MemoryFootprint(settings: settings).total == Int.max)
    }

    @Test func aBatchOf65536CopiesTimesAMillionStepsIsTerabytes() throws {
        var settings = Self.settings()
        settings.environment.numEnvs = 65536
        settings.estimator.nSteps = 1_000_000
        let footprint = try MemoryFootprint(settings: settings)
        #expect(footprint.largestPart == .rollout)
        // Each of the 6.6e10 terms stores at least its 4 observation floats.
        #expect(footprint.bytes[.rollout]! > 65536 * 1_000_000 * 16)
        #expect(MemoryFootprint.describe(footprint.total).hasSuffix(" TB"))
    }

    @Test func theProbeRefusesWhatCannotBeAllocated() {
        var footprint = MemoryFootprint(
            settings: Self.settings(), shape: .init(observationSize: 4, actionWidth: 2, isContinuous: false, horizon: 500,
                                                     endsOnlyAtTimeLimit: false))
        #expect(throws: Never.self) { try footprint.probe() }
        footprint = MemoryFootprint(
            settings: Self.settings(policy: .init(hidden: [1 << 30, 1 << 30])),
            shape: .init(observationSize: 4, actionWidth: 2, isContinuous: false, horizon: 500, endsOnlyAtTimeLimit: false))
        #expect(footprint.total == Int.max)
        let error = #expect(throws: TrainerError.self) { try footprint.probe() }
        #expect(error?.message.contains("cannot allocate") == true)
    }

    @Test func sizesReadAsDecimalUnits() {
        #expect(MemoryFootprint.describe(999) == "999 bytes")
        #expect(MemoryFootprint.describe(1000) == "1.0 kB")
        #expect(MemoryFootprint.describe(8 << 30) == "8.6 GB")
        #expect(MemoryFootprint.describe(999_960_000) == "1.0 GB")
        #expect(MemoryFootprint.describe(Int.max) == "more than 9.2 EB")
    }
}

/// A built session's parameter memory, counted from what it holds.
protocol ParameterHolding {
    var parameterBytes: (policy: Int, critic: Int) { get }
}

extension TrainingSession: ParameterHolding {
    var parameterBytes: (policy: Int, critic: Int) {
        /// Values and gradients of a buffer, plus its optimizer's state.
        func bytes(_ buffer: ParameterBuffer, _ optimizer: any Optimizer) -> Int {
            let moments = optimizer is Adam ? 2 : 1
            return buffer.count * (2 + moments) * 4
        }
        let policy = bytes(buffers[0], optimizers[0]) + (tracksOptimalBaseline ? buffers[0].count * 2 * 4 : 0)
        var critic = buffers.count > 1 ? bytes(buffers[1], optimizers[1]) : 0
        if let target = targetCritic { critic += target.parameters.count * 2 * 4 }
        return (policy, critic)
    }
}
