import PolicyGradient

/// Checking `result.json`'s own figures against the checksummed curve they summarise.
extension JobResult {
    /// What in this result contradicts `curve` (the job's `curve.csv` rows), as the rest of a
    /// sentence (`records final_return 996.0 where the last row of curve.csv has 106.0`); nil
    /// when nothing does.
    ///
    /// A completed job's `steps` is the step of its last curve row and its `final_return` that
    /// row's `eval_return_mean` (both written from the same evaluation; a non-finite mean is
    /// recorded as null), so an edited figure shows. A diverged job records no final return
    /// and stopped at or after its last row. `restarts` counts `resumed_from_steps`.
    package func contradiction(with curve: [CurveRow]) -> String? {
        if steps < 0 { return "records \(steps) steps" }
        if restarts != resumedFromSteps.count {
            return "records \(restarts) restarts but \(resumedFromSteps.count) resumption steps"
        }
        switch status {
        case .completed:
            guard let last = curve.last else { return "records a completed job, but curve.csv has no rows" }
            if last.step != steps {
                return "records \(steps) steps where the last row of curve.csv is at step \(last.step)"
            }
            let expected: Double? = last.evalReturnMean.isFinite ? last.evalReturnMean : nil
            if finalReturn != expected {
                return "records final_return \(finalReturn.map(csvNumber) ?? "null") where the last row of curve.csv "
                    + "has eval_return_mean \(expected.map(csvNumber) ?? "null")"
            }
        case .diverged:
            if let finalReturn { return "records final_return \(csvNumber(finalReturn)) for a diverged job" }
            if let last = curve.last, last.step > steps {
                return "records \(steps) steps where curve.csv goes on to step \(last.step)"
            }
        case .failed, .interrupted:
            break
        }
        return nil
    }
}
