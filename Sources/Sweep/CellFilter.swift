import Experiment

/// The `--only KEY=VALUE` selection of cells.
///
/// A cell matches when, for every key named, its value for that key is one of the values
/// given for it: different keys must all match, a repeated key matches any of its values.
/// Values compare as the labels of `ExperimentPlan.Cell.values` (e.g. `entropy_coef=0.01`).
package struct CellFilter: Sendable, Equatable {
    /// The accepted values per key, keys in first-mention order.
    package private(set) var accepted: [(key: String, values: [String])]

    package static func == (a: CellFilter, b: CellFilter) -> Bool {
        a.accepted.elementsEqual(b.accepted) { $0.key == $1.key && $0.values == $1.values }
    }

    /// Parses `filters` against `plan`; throws `SweepError` for a malformed filter, a key the
    /// plan does not sweep, or a value that no cell has.
    package init(_ filters: [String], plan: ExperimentPlan) throws {
        accepted = []
        for text in filters {
            guard let equals = text.firstIndex(of: "=") else { throw SweepError.malformedFilter(text) }
            let key = String(text[..<equals]).trimmingSpaces
            let value = String(text[text.index(after: equals)...]).trimmingSpaces
            guard !key.isEmpty else { throw SweepError.malformedFilter(text) }
            guard plan.sweptKeys.contains(key) else {
                throw SweepError.unknownFilterKey(key: key, sweptKeys: plan.sweptKeys)
            }
            var known: [String] = []
            for cell in plan.cells {
                for pair in cell.values where pair.key == key && !known.contains(pair.value) {
                    known.append(pair.value)
                }
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

    /// True when `cell` passes every key's test.
    package func matches(_ cell: ExperimentPlan.Cell) -> Bool {
        accepted.allSatisfy { rule in
            cell.values.contains { $0.key == rule.key && rule.values.contains($0.value) }
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
