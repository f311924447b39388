import Foundation
import Testing

@testable import PolicyGradient

/// The meter's figures are not limited by Float32 storage: a critic that predicts ≈ 100 with
/// advantages of order 1e-3 is measured as precisely as the same problem shifted to 0.
///
/// Two bandits draw the same actions and the same reward noise (same seed): arm means
/// 100.001 and 100.003 with V = 100, and 0.001 and 0.003 with V = 0 (σ = 0.001 in both). The
/// advantages r − V are the same numbers up to Double rounding (≈ 1e-14 on 1e-3), so the
/// value-baseline variances must agree to 1e-6 relative. Stored in Float32, r ≈ 100 is off by up
/// to ulp(100)/2 ≈ 3.8e-6, which moves that variance by about 1e-3 relative.
@Suite struct PreciseVarianceTests {
    static func state(offset: Double, estimator: TrainerSettings.EstimatorName) -> any TrainerState {
        let bandit = try! Bandit(means: [offset + 0.001, offset + 0.003], std: 0.001).mdp()
        let settings = TrainerSettings(
            environment: .init(source: .tabular(bandit), numEnvs: 4),
            policy: .init(architecture: .tabular),
            estimator: .init(name: estimator, nSteps: 4, episodesPerUpdate: 16, bootstrapTruncated: false),
            baseline: .value,
            training: .init(steps: 1_000),
            seed: 4)
        let state = try! Trainer.makeState(settings)
        state.policy.parameters.parameterArray = [0.4, -0.3, 0, 0]
        state.critic!.parameters.parameterArray = [Float(offset), Float(offset)]
        return state
    }

    static func measure(offset: Double, estimator: TrainerSettings.EstimatorName) -> [VarianceRow] {
        let meter = GradientVarianceMeter(baseline: .value, compare: [.none], samples: 400, seed: 9)
        return meter.measure(state(offset: offset, estimator: estimator), step: 0)
    }

    @Test(arguments: [TrainerSettings.EstimatorName.reinforce, .a2c])
    func aCriticNearOneHundredIsMeasuredAsPreciselyAsOneNearZero(estimator: TrainerSettings.EstimatorName) {
        let far = Self.measure(offset: 100, estimator: estimator)
        let near = Self.measure(offset: 0, estimator: estimator)
        let (value, shifted) = (far[0], near[0])
        #expect(value.baseline == "value" && value.variance > 0)
        #expect(abs(value.variance - shifted.variance) <= 1e-6 * shifted.variance)
        #expect(abs(value.gradNorm - shifted.gradNorm) <= 1e-6 * shifted.gradNorm)
    }

    /// The floor is what Float32 rounding of r ≈ 100 alone adds: each stored reward is off by
    /// δ, close to uniform on ±ulp/2 (ulp = 2⁻¹⁷ on [64, 128), E δ² = ulp²/12), and V = 100 is
    /// exact, so E‖ĝ_f32 − ĝ‖² = termScale² Σ_k ‖∇ log π(a_k)‖² E δ², with
    /// E‖∇ log π(a)‖² = Σ_a π_a · 2(1 − π_a)² for two actions. Tolerance 20% (6,400 terms).
    /// Near 0 the same rounding is about 1e-10 times smaller.
    @Test(arguments: [TrainerSettings.EstimatorName.reinforce, .a2c])
    func thePrecisionFloorIsTheVarianceOfFloat32Rounding(estimator: TrainerSettings.EstimatorName) {
        let far = Self.measure(offset: 100, estimator: estimator)
        let near = Self.measure(offset: 0, estimator: estimator)
        let ulp = 0x1p-17, logits = [0.4, -0.3]
        let z = logits.map { exp($0) }.reduce(0, +)
        let pi = logits.map { exp($0) / z }
        let scoreSquared = pi.reduce(0) { $0 + $1 * 2 * (1 - $1) * (1 - $1) }
        // 16 terms per batch, termScale 1/16 (16 episodes, or 4 copies × 4 steps).
        let predicted = 16 * scoreSquared * ulp * ulp / 12 / (16 * 16)
        let (value, shifted) = (far[0], near[0])
        #expect(value.baseline == "value")
        #expect(abs(value.precisionFloor - predicted) <= 0.2 * predicted, "\(value.precisionFloor) vs \(predicted)")
        #expect(shifted.precisionFloor < 1e-6 * value.precisionFloor)
        // Without a baseline Â = Q̂ ≈ 100 is of the size it is stored at: rounding it costs
        // nothing beyond the Float32 gradient itself.
        #expect(far[1].precisionFloor <= 1e-6 * value.precisionFloor)
    }
}
