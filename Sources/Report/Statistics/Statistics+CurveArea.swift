import PolicyGradient

extension Statistics {
    /// The area under one job's evaluation learning curve divided by its length in steps,
    ///
    ///     A = (1 / (s_K − s_0)) Σ_k ½ (r_k + r_{k+1}) (s_{k+1} − s_k),
    ///
    /// trapezoids over the job's finite `eval_return_mean` points (s_k, r_k) in step order:
    /// the mean evaluation return over training, which rewards learning early as well as
    /// ending high. NaN with fewer than two points.
    package static func normalizedCurveArea(_ curve: [CurveRow]) -> Double {
        let points = curve.filter { $0.evalReturnMean.isFinite }.sorted { $0.step < $1.step }
        guard let first = points.first, let last = points.last, last.step > first.step else { return .nan }
        var sum = 0.0
        for (p, q) in zip(points, points.dropFirst()) {
            sum += 0.5 * (p.evalReturnMean + q.evalReturnMean) * Double(q.step - p.step)
        }
        return sum / Double(last.step - first.step)
    }
}
