import Testing
import PolicyGradient
@testable import Results

/// `curve.csv` and `variance.csv` lines read back into the rows that wrote them.
struct RowFormatTests {
    @Test func curveRowsRoundTripThroughTheirLines() throws {
        let rows = [
            CurveRow(step: 0, episodes: 0, evalReturnMean: 9.5, evalReturnStd: 0.1, trainReturn: .nan,
                     entropy: 0.6931471805599453, policyLoss: -0.25, valueLoss: .nan),
            CurveRow(step: 4096, episodes: 37, evalReturnMean: .infinity, evalReturnStd: 1e-300,
                     trainReturn: -.infinity, entropy: 0, policyLoss: 1.0 / 3.0, valueLoss: 12.5),
        ]
        let text = CurveRow.csvHeaderLine + rows.map(\.csvLine).joined()
        let read = try CurveRow.rows(in: CSVTable(parsing: text))
        #expect(read.count == rows.count)
        for (a, b) in zip(read, rows) { #expect(a.fields == b.fields) }
    }

    @Test func varianceRowsRoundTripAndABaselineNameWithACommaIsQuoted() throws {
        var row = VarianceRow(step: 100, baseline: "odd,name", samples: 8, gradNorm: 0.5, variance: 2, snr: 0.125)
        row.cosine = -1
        row.unbiasedSNR = -0.0625
        row.pairwiseCosine = 0.25
        row.cosineToMean = 0.5
        row.minibatchVariance = 8
        row.minibatchSNR = 0.03125
        row.minibatchUnbiasedSNR = -0.09375
        let text = VarianceRow.csvHeaderLine + row.csvLine
        #expect(row.csvLine.hasSuffix(",8.0,0.03125,-0.09375\n"))
        #expect(row.csvLine.hasPrefix("100,\"odd,name\",8,"))
        let read = try VarianceRow.rows(in: CSVTable(parsing: text))
        #expect(read.map(\.fields) == [row.fields])
        #expect(try VarianceRow.rows(in: CSVTable(parsing: "")).isEmpty)
    }

    /// A file from before `precision_floor` and the quality columns reads with them NaN.
    @Test func varianceFilesWithoutTheLaterColumnsRead() throws {
        let old = "step,baseline,samples,grad_norm,variance,snr,exact_objective,optimal_objective,exact_norm,bias,mse,cosine\n"
            + "0,none,8,0.5,2,0.125,,,,,,\n"
        let read = try #require(try VarianceRow.rows(in: CSVTable(parsing: old)).first)
        #expect(read.variance == 2 && read.snr == 0.125)
        #expect(read.precisionFloor.isNaN && read.unbiasedSNR.isNaN && read.pairwiseCosine.isNaN && read.cosineToMean.isNaN)
    }

    /// A file from before the PPO minibatch columns reads with them NaN and the others in place.
    @Test func varianceFilesWithoutTheMinibatchColumnsRead() throws {
        let old = "step,baseline,samples,grad_norm,variance,snr,exact_objective,optimal_objective,exact_norm,bias,mse,"
            + "cosine,precision_floor,snr_unbiased,pairwise_cosine,cosine_to_mean,in_sample_b,in_sample_variance\n"
            + "0,none,8,0.5,2,0.125,,,,,,,0.25,0.5,0.75,1,1.5,3\n"
        let read = try #require(try VarianceRow.rows(in: CSVTable(parsing: old)).first)
        #expect(read.inSampleConstant == 1.5 && read.inSampleVariance == 3 && read.cosineToMean == 1)
        #expect(read.minibatchVariance.isNaN && read.minibatchSNR.isNaN && read.minibatchUnbiasedSNR.isNaN)
    }

    @Test func columnsAreFoundByNameAndBadFieldsAreNamed() throws {
        let reordered = "episodes,step,eval_return_mean,eval_return_std,train_return,entropy,policy_loss,value_loss\n3,10,1,,,,,\n"
        let read = try CurveRow.rows(in: CSVTable(parsing: reordered))
        #expect(read.map(\.step) == [10] && read.map(\.episodes) == [3])
        #expect(throws: CSVError.missingColumn("value_loss")) {
            try CurveRow.rows(in: CSVTable(parsing: "step,episodes,eval_return_mean,eval_return_std,train_return,entropy,policy_loss\n"))
        }
        let header = CurveRow.csvHeaderLine
        #expect(throws: CSVError.notAnInteger("x")) { try CurveRow.rows(in: CSVTable(parsing: header + "x,0,,,,,,\n")) }
        #expect(throws: CSVError.notANumber("fast")) { try CurveRow.rows(in: CSVTable(parsing: header + "0,0,fast,,,,,\n")) }
        #expect(throws: CSVError.shortRow(["0", "0"])) { try CurveRow.rows(in: CSVTable(parsing: header + "0,0\n")) }
    }
}
