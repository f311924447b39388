import PolicyGradient

/// The line format of `variance.csv`: `VarianceRow.header`, then one line of
/// `VarianceRow.fields` per row.
extension VarianceRow {
    /// The columns of `variance.csv`, in order.
    package static let header = [
        "step", "baseline", "samples", "grad_norm", "variance", "snr", "exact_objective",
        "optimal_objective", "exact_norm", "bias", "mse", "cosine", "precision_floor",
        "snr_unbiased", "pairwise_cosine", "cosine_to_mean", "in_sample_b", "in_sample_variance",
        "minibatch_variance", "minibatch_snr", "minibatch_snr_unbiased",
    ]

    /// The columns added after the first format, in order: a file written before one of them
    /// existed reads with it NaN.
    static let laterColumns = [
        "precision_floor", "snr_unbiased", "pairwise_cosine", "cosine_to_mean", "in_sample_b", "in_sample_variance",
        "minibatch_variance", "minibatch_snr", "minibatch_snr_unbiased",
    ]

    /// The row's CSV fields; numbers in their shortest round-trip form, NaN as an empty field.
    package var fields: [String] {
        [String(step), baseline, String(samples)]
            + [gradNorm, variance, snr, exactObjective, optimalObjective, exactNorm, bias, mse, cosine, precisionFloor,
               unbiasedSNR, pairwiseCosine, cosineToMean, inSampleConstant, inSampleVariance, minibatchVariance,
               minibatchSNR, minibatchUnbiasedSNR]
            .map(csvNumber)
    }

    /// The first line of `variance.csv`, with its `\n`.
    package static var csvHeaderLine: String { CSVTable.line(header) }

    /// The row as one line of `variance.csv`, with its `\n`.
    package var csvLine: String { CSVTable.line(fields) }

    /// The rows of a parsed `variance.csv`, its columns found by name; none when the file has
    /// no header (a job that measured nothing). Throws `CSVError`.
    package static func rows(in table: CSVTable) throws -> [VarianceRow] {
        guard !table.header.isEmpty else { return [] }
        let reader = try ColumnReader(table: table, columns: Array(header.dropLast(laterColumns.count)))
        let later = try laterColumns.map { name in
            try table.columnIndex(name).map { _ in try ColumnReader(table: table, columns: [name]) }
        }
        func laterNumber(_ row: [String], _ i: Int) throws -> Double { try later[i]?.number(row, 0) ?? .nan }
        return try table.rows.map { row in
            var v = VarianceRow(
                step: try reader.int(row, 0), baseline: try reader.text(row, 1), samples: try reader.int(row, 2),
                gradNorm: try reader.number(row, 3), variance: try reader.number(row, 4),
                snr: try reader.number(row, 5))
            v.exactObjective = try reader.number(row, 6)
            v.optimalObjective = try reader.number(row, 7)
            v.exactNorm = try reader.number(row, 8)
            v.bias = try reader.number(row, 9)
            v.mse = try reader.number(row, 10)
            v.cosine = try reader.number(row, 11)
            v.precisionFloor = try laterNumber(row, 0)
            v.unbiasedSNR = try laterNumber(row, 1)
            v.pairwiseCosine = try laterNumber(row, 2)
            v.cosineToMean = try laterNumber(row, 3)
            v.inSampleConstant = try laterNumber(row, 4)
            v.inSampleVariance = try laterNumber(row, 5)
            v.minibatchVariance = try laterNumber(row, 6)
            v.minibatchSNR = try laterNumber(row, 7)
            v.minibatchUnbiasedSNR = try laterNumber(row, 8)
            return v
        }
    }
}
