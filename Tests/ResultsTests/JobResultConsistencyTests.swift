import PolicyGradient
import Testing

@testable import Results

/// `result.json`'s own figures against the curve they summarise.
@Suite struct JobResultConsistencyTests {
    static func curve(_ means: [Double]) -> [CurveRow] {
        means.enumerated().map { i, mean in
            CurveRow(step: 100 * i, episodes: i, evalReturnMean: mean, evalReturnStd: 0, trainReturn: .nan,
                     entropy: 0.5, policyLoss: 0, valueLoss: .nan)
        }
    }

    static func result(_ status: JobStatus, final: Double?, steps: Int) -> JobResult {
        JobResult(status: status, finalReturn: final, error: nil, steps: steps, seconds: 1)
    }

    @Test func aCompletedResultAgreesWithItsLastRow() {
        let curve = Self.curve([0.1, 0.5, 106.25])
        #expect(Self.result(.completed, final: 106.25, steps: 200).contradiction(with: curve) == nil)
        #expect(Self.result(.completed, final: 996, steps: 200).contradiction(with: curve)
            == "records final_return 996.0 where the last row of curve.csv has eval_return_mean 106.25")
        #expect(Self.result(.completed, final: 106.25, steps: 300).contradiction(with: curve)
            == "records 300 steps where the last row of curve.csv is at step 200")
        // The nearest other Double is a different figure.
        #expect(Self.result(.completed, final: 106.25.nextUp, steps: 200).contradiction(with: curve) != nil)
        #expect(Self.result(.completed, final: 1, steps: 0).contradiction(with: []) != nil)
    }

    @Test func aNonFiniteLastMeanIsRecordedAsNull() {
        #expect(Self.result(.completed, final: nil, steps: 100).contradiction(with: Self.curve([0, .nan])) == nil)
        #expect(Self.result(.completed, final: nil, steps: 100).contradiction(with: Self.curve([0, .infinity])) == nil)
        #expect(Self.result(.completed, final: 3, steps: 100).contradiction(with: Self.curve([0, .nan])) != nil)
    }

    @Test func aDivergedResultHasNoFinalReturnAndEndsAtOrAfterItsCurve() {
        let curve = Self.curve([0.1, 0.5])
        #expect(Self.result(.diverged, final: nil, steps: 150).contradiction(with: curve) == nil)
        #expect(Self.result(.diverged, final: nil, steps: 50).contradiction(with: curve) != nil)
        var forged = Self.result(.diverged, final: nil, steps: 150)
        forged.finalReturn = 500
        #expect(forged.contradiction(with: curve) == "records final_return 500.0 for a diverged job")
    }

    @Test func restartsCountTheResumptionSteps() {
        var result = Self.result(.completed, final: 0.5, steps: 100)
        result.restarts = 2
        result.resumedFromSteps = [40]
        #expect(result.contradiction(with: Self.curve([0.1, 0.5])) == "records 2 restarts but 1 resumption steps")
    }
}
