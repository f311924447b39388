import Foundation
import TestSupport
import Testing

@testable import PolicyGradient

/// gSDE in training: the rollout acts with one exploration matrix per environment copy, drawn
/// from the actions' stream at the batch's start and every `sde_sample_freq` steps; greedy
/// evaluation acts with μ(s); a gSDE job is reproducible.
@Suite struct StateDependentTrainingTests {
    static func settings(sampleFrequency: Int = 4, evalPolicy: TrainerSettings.EvalPolicy = .greedy) -> TrainerSettings {
        TrainerSettings(
            environment: .init(id: "Pendulum-v1", numEnvs: 3),
            policy: .init(hidden: [5], initialization: .uniform, logStdInit: -1, sde: true, sdeSampleFreq: sampleFrequency),
            estimator: .init(name: .a2c, gamma: 0.9, nSteps: 6),
            baseline: .value,
            training: .init(steps: 180, evalEvery: 90, evalEpisodes: 2, evalPolicy: evalPolicy),
            seed: 5)
    }

    /// Replays the stated draws: at steps 0 and 4 of a 6-step batch, θ_ε of copies 0, 1, 2 in
    /// turn (σ_jd · z, row-major); every stored action is μ(s) + φ(s)·θ_ε of its copy and its
    /// stored log π is the policy's, and the actions' stream has moved by exactly those draws.
    @Test func rolloutActsWithEachCopysMatrixOnSchedule() throws {
        let session = try #require(try Trainer.makeSession(Self.settings()) as? TrainingSession<VectorEnvironment<Pendulum>>)
        guard case .gaussian(let policy) = session.policy else { Issue.record("not gaussian"); return }
        let n = 3, f = policy.featureSize, k = policy.actionSize
        var replay = session.actionGenerator
        let batch = session.makeRollout()
        _ = session.collect(session.environments, &session.actionGenerator, batch)
        var theta = [Float]()
        func draw() {
            theta = (0..<(n * f * k)).map { m in Foundation.exp(policy.logStd[m % (f * k)]) * Float(replay.normal()) }
        }
        for t in 0..<6 {
            if t == 0 || t == 4 { draw() }
            for i in 0..<n {
                let row = t * n + i
                let mu = policy.mean(row: row), phi = policy.features(row: row)
                for d in 0..<k {
                    var noise: Float = 0
                    for j in 0..<f { noise += phi[j] * theta[i * f * k + j * k + d] }
                    #expect(batch.continuousActionStorage[row * k + d] == mu[d] + noise, "step \(t) copy \(i)")
                }
                let action = Array(UnsafeBufferPointer(start: batch.continuousActionStorage.pointer + row * k, count: k))
                #expect(batch.logProbStorage[row] == policy.logProb(row: row, action: action))
            }
        }
        #expect(replay.next() == session.actionGenerator.next())
        #expect(session.exploration?.values == theta)
    }

    /// Greedy acting returns μ(s) and draws nothing; sampling needs the matrices.
    @Test func greedyActionIsTheMean() throws {
        var g = RandomGenerator(seed: 2, stream: .initialization)
        let gaussian = GaussianPolicy.mlp(
            observationSize: 3, hidden: [4], activation: .tanh, actionSize: 1, stateDependent: true, using: &g)
        let policy = PolicyModel.gaussian(gaussian)
        policy.forward([0.5, -0.2, 0.9], count: 1, row: 0)
        var generator = RandomGenerator(seed: 3, stream: .evaluation)
        var reference = generator
        var index = 0
        var action: Float = 0
        policy.act(row: 0, count: 1, greedy: true, generator: &generator, actions: &index, continuous: &action, logProbs: nil)
        #expect(action == gaussian.mean(row: 0)[0] && generator.next() == reference.next())
    }

    /// Same settings, same curve and parameters, bit for bit, with sampled and greedy evaluation.
    @Test(arguments: [TrainerSettings.EvalPolicy.greedy, .sample])
    func aGSDEJobIsReproducible(_ evalPolicy: TrainerSettings.EvalPolicy) throws {
        let settings = Self.settings(sampleFrequency: -1, evalPolicy: evalPolicy)
        let a = try Trainer.makeSession(settings), b = try Trainer.makeSession(settings)
        let sinkA = RecordingSink(), sinkB = RecordingSink()
        #expect(a.run(sink: sinkA, measurement: nil).status == .completed)
        #expect(b.run(sink: sinkB, measurement: nil).status == .completed)
        #expect(bitPatterns(sinkA.curve) == bitPatterns(sinkB.curve))
        #expect(TrainingSnapshotTests.parameters(a) == TrainingSnapshotTests.parameters(b))
        #expect(sinkA.curve.allSatisfy { $0.evalReturnMean.isFinite })
    }
}
