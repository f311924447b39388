import TestSupport
import Testing
@testable import PolicyGradient

@Suite struct UpdateLossTests {
    /// A policy whose rows 0..<count are forwarded over a collected batch.
    private func forwardedPolicy() throws -> (PolicyModel, count: Int) {
        let (state, _, _, batch) = try a2cCartPoleBatch(seed: 2)
        state.policy.forward(batch.observations.baseAddress!, count: batch.count, row: 0)
        return (state.policy, batch.count)
    }

    /// L = policyLoss − β·H̄ + c·valueLoss, H̄ the mean entropy of the forwarded rows; without a
    /// critic the value term is absent and the curve's value loss NaN.
    @Test func totalIsPolicyLossMinusEntropyPlusValueLoss() throws {
        let (policy, count) = try forwardedPolicy()
        var settings = a2cCartPole(steps: 1_000)
        settings.entropyCoef = 0.01
        settings.critic.valueCoef = 0.5
        let coefficients = UpdateLoss.Coefficients(settings: settings)
        var entropySum: Float = 0
        for i in 0..<count { entropySum += policy.entropy(row: i) }
        let entropy = entropySum / Float(count)
        #expect(entropy > 0)

        var loss = UpdateLoss(policyLoss: 1.5, entropyOf: policy, count: count)
        #expect(isClose(Double(loss.entropy), Double(entropy), absolute: 1e-6))
        #expect(isClose(Double(loss.total(coefficients)), Double(1.5 - 0.01 * entropy), absolute: 1e-6))
        #expect(loss.metrics(coefficients).valueLoss.isNaN)
        loss.valueLoss = 2
        #expect(isClose(Double(loss.total(coefficients)), Double(1.5 - 0.01 * entropy + 0.5 * 2), absolute: 1e-6))
        #expect(loss.metrics(coefficients).valueLoss == 2)
        #expect(loss.isFinite)
    }

    /// A NaN or infinite part makes the step diverge; a missing value loss does not.
    @Test func anyNonFinitePartIsDivergence() throws {
        let (policy, count) = try forwardedPolicy()
        #expect(UpdateLoss(policyLoss: 0, entropyOf: policy, count: count).isFinite)
        #expect(!UpdateLoss(policyLoss: .nan, entropyOf: policy, count: count).isFinite)
        #expect(!UpdateLoss(policyLoss: .infinity, entropyOf: policy, count: count).isFinite)
        var loss = UpdateLoss(policyLoss: 0, entropyOf: policy, count: count)
        loss.valueLoss = .nan
        #expect(!loss.isFinite)
        loss.valueLoss = -.infinity
        #expect(!loss.isFinite)
    }
}
