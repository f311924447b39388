import PolicyGradient

/// The line format of `curve.csv`: `CurveRow.header`, then one line of `CurveRow.fields` per row.
extension CurveRow {
    /// The columns of `curve.csv`, in order.
    package static let header = [
        "step", "episodes", "eval_return_mean", "eval_return_std", "train_return", "entropy",
        "policy_loss", "value_loss",
    ]

    /// The row's CSV fields; numbers in their shortest round-trip form, NaN as an empty field.
    package var fields: [String] {
        [String(step), String(episodes)]
            + [evalReturnMean, evalReturnStd, trainReturn, entropy, policyLoss, valueLoss].map(csvNumber)
    }

    /// The first line of `curve.csv`, with its `\n`.
    package static var csvHeaderLine: String { CSVTable.line(header) }

    /// The row as one line of `curve.csv`, with its `\n`.
    package var csvLine: String { CSVTable.line(fields) }

    /// The rows of a parsed `curve.csv`, its columns found by name. Throws `CSVError`.
    package static func rows(in table: CSVTable) throws -> [CurveRow] {
        let reader = try ColumnReader(table: table, columns: header)
        return try table.rows.map { row in
            CurveRow(
                step: try reader.int(row, 0), episodes: try reader.int(row, 1),
                evalReturnMean: try reader.number(row, 2), evalReturnStd: try reader.number(row, 3),
                trainReturn: try reader.number(row, 4), entropy: try reader.number(row, 5),
                policyLoss: try reader.number(row, 6), valueLoss: try reader.number(row, 7))
        }
    }
}
