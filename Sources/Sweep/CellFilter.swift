import Experiment

/// The `--only KEY=VALUE` selection of cells.
///
/// A cell matches when, for every key named, its value for that key is one of the values
/// given for it: different keys must all match, a repeated key matches any of its values.
/// A key is a swept key (its values compare as the labels of `ExperimentPlan.Cell.values`,
/// e.g. `entropy_coef=0.01`) or the dotted path of any setting the cells resolve, so that
/// `estimator.name=ppo` selects cells that sweep whole `estimator` sections; its values
/// compare as the labels of the cells' resolved settings (`CanonicalForm.label`).
package struct CellFilter: Sendable, Equatable {
    /// The accepted values per key, keys in first-mention order.
    package private(set) var accepted: [(key: String, values: [String])]
    /// Each key's value in each cell, by cell index.
    private var cellValues: [String: [Int: String]] = [:]

    package static func == (a: CellFilter, b: CellFilter) -> Bool {
        a.accepted.elementsEqual(b.accepted) { $0.key == $1.key && $0.values == $1.values }
    }

    /// Parses `filters` against `plan`; throws `SweepError` for a malformed filter, a key that
    /// is neither swept nor a setting of the plan's cells, or a value that no cell has.
    package init(_ filters: [String], plan: ExperimentPlan) throws {
        accepted = []
        for text in filters {
            guard let equals = text.firstIndex(of: "=") else { throw SweepError.malformedFilter(text) }
            let key = String(text[..<equals]).trimmingSpaces
            let value = String(text[text.index(after: equals)...]).trimmingSpaces
            guard !key.isEmpty else { throw SweepError.malformedFilter(text) }
            let values = cellValues[key] ?? Self.values(of: key, in: plan)
            guard !values.isEmpty else {
                throw SweepError.unknownFilterKey(key: key, sweptKeys: plan.sweptKeys)
            }
            cellValues[key] = values
            var known: [String] = []
            for cell in plan.cells {
                if let v = values[cell.index], !known.contains(v) { known.append(v) }
            }
            guard known.contains(value) else {
                throw SweepError.unknownFilterValue(key: key, value: value, values: known)
            }
            if let i = accepted.firstIndex(where: { $0.key == key }) {
                accepted[i].values.append(value)
            } else {
                accepted.append((key, [value]))
            }
        }
    }

    /// Each cell's label for `key`: its swept value, or else the value of the setting at that
    /// dotted path in the cell's resolved settings; empty when no cell has one.
    private static func values(of key: String, in plan: ExperimentPlan) -> [Int: String] {
        var values: [Int: String] = [:]
        if plan.sweptKeys.contains(key) {
            for cell in plan.cells {
                if let pair = cell.values.first(where: { $0.key == key }) { values[cell.index] = pair.value }
            }
            return values
        }
        for job in plan.jobs where values[job.cellIndex] == nil {
            values[job.cellIndex] = job.settingLabel(at: key)
        }
        return values
    }

    /// True when `cell` passes every key's test.
    package func matches(_ cell: ExperimentPlan.Cell) -> Bool {
        accepted.allSatisfy { rule in
            cellValues[rule.key]?[cell.index].map(rule.values.contains) ?? false
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
