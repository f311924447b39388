import PolicyGradient

/// The line format of `updates.csv`: `UpdateStatistics.header`, then one line of
/// `UpdateStatistics.fields` per recorded update. The columns are Stable-Baselines3's logger keys
/// without their `train/`, `rollout/` and `time/` prefixes (docs/diagnostics.md).
extension UpdateStatistics {
    /// The columns of `updates.csv`, in order.
    package static let header = [
        "step", "n_updates", "learning_rate", "clip_range", "entropy_loss", "policy_gradient_loss", "value_loss",
        "loss", "approx_kl", "clip_fraction", "explained_variance", "std", "grad_norm", "stopped_epoch",
        "ep_rew_mean", "ep_len_mean",
    ]

    /// The row's CSV fields; numbers in their shortest round-trip form, NaN (and a
    /// `stoppedEpoch` of nil) as an empty field.
    package var fields: [String] {
        [String(step), String(updates)]
            + [learningRate, clipRange, entropyLoss, policyGradientLoss, valueLoss, loss, approxKL, clipFraction,
               explainedVariance, std, gradNorm].map(csvNumber)
            + [stoppedEpoch.map(String.init) ?? ""]
            + [episodeReturnMean, episodeLengthMean].map(csvNumber)
    }

    /// The first line of `updates.csv`, with its `\n`.
    package static var csvHeaderLine: String { CSVTable.line(header) }

    /// The row as one line of `updates.csv`, with its `\n`.
    package var csvLine: String { CSVTable.line(fields) }

    /// The rows of a parsed `updates.csv`, its columns found by name. Throws `CSVError`.
    package static func rows(in table: CSVTable) throws -> [UpdateStatistics] {
        let reader = try ColumnReader(table: table, columns: header)
        return try table.rows.map { row in
            var s = UpdateStatistics()
            s.step = try reader.int(row, 0)
            s.updates = try reader.int(row, 1)
            s.learningRate = try reader.number(row, 2)
            s.clipRange = try reader.number(row, 3)
            s.entropyLoss = try reader.number(row, 4)
            s.policyGradientLoss = try reader.number(row, 5)
            s.valueLoss = try reader.number(row, 6)
            s.loss = try reader.number(row, 7)
            s.approxKL = try reader.number(row, 8)
            s.clipFraction = try reader.number(row, 9)
            s.explainedVariance = try reader.number(row, 10)
            s.std = try reader.number(row, 11)
            s.gradNorm = try reader.number(row, 12)
            s.stoppedEpoch = try reader.text(row, 13).isEmpty ? nil : try reader.int(row, 13)
            s.episodeReturnMean = try reader.number(row, 14)
            s.episodeLengthMean = try reader.number(row, 15)
            return s
        }
    }
}
