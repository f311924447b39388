/// Where the training loop stands between two updates: what the next curve row needs and the
/// rows written so far.
struct LoopProgress: Codable, Sendable {
    /// Returns of the training episodes finished since the last row.
    var trainReturnSum = 0.0
    var trainReturnCount = 0
    /// The step of the last row written (−1: none yet, so the run has not started).
    var lastRowStep = -1
    /// The mean return of the last evaluation, reported as the run's final return.
    var lastEvaluation = Double.nan
    /// The curve rows written so far, in order.
    var rows: [CurveRow] = []

    private enum CodingKeys: String, CodingKey {
        case trainReturnSum, trainReturnCount, lastRowStep, lastEvaluation, rows
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainReturnSum = try c.decode(Double.self, forKey: .trainReturnSum)
        trainReturnCount = try c.decode(Int.self, forKey: .trainReturnCount)
        lastRowStep = try c.decode(Int.self, forKey: .lastRowStep)
        lastEvaluation = try c.decode(Double.self, forKey: .lastEvaluation)
        rows = try c.decode([[Double]].self, forKey: .rows).map { f in
            guard f.count == 8 else { throw TrainerError("a saved curve row has 8 fields") }
            return CurveRow(
                step: Int(f[0]), episodes: Int(f[1]), evalReturnMean: f[2], evalReturnStd: f[3], trainReturn: f[4],
                entropy: f[5], policyLoss: f[6], valueLoss: f[7])
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trainReturnSum, forKey: .trainReturnSum)
        try c.encode(trainReturnCount, forKey: .trainReturnCount)
        try c.encode(lastRowStep, forKey: .lastRowStep)
        try c.encode(lastEvaluation, forKey: .lastEvaluation)
        try c.encode(rows.map { r in
            [Double(r.step), Double(r.episodes), r.evalReturnMean, r.evalReturnStd, r.trainReturn, r.entropy,
             r.policyLoss, r.valueLoss]
        }, forKey: .rows)
    }
}
