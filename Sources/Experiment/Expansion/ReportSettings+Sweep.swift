import YAML

extension ReportSettings {
    /// The section's keys.
    static let keys = ["reference_cell", "compare_against", "normalize", "names"]

    /// The longest short name of a cell's position.
    static let maxNameLength = 40

    /// Reads the `report` section of `file` against the sweep's axes, logging every error at
    /// its mark: a key that is not a grid or zip key, a value the key is never swept to, or, on
    /// a zip axis, values that no row of the group holds together.
    init(file: Node, sweep: SweepSpec, log: inout DiagnosticLog) {
        var chosen: [String: (value: Node, location: String)] = [:]
        var names: [Int: [String]] = [:]
        normalize = [:]
        if let section = file["report"], section.resolved != .null {
            if let pairs = section.mapping {
                // compare_against is read last so that it overrides reference_cell.
                for pair in pairs where pair.key == "normalize" {
                    normalize = Self.readNormalize(pair, sweep: sweep, log: &log)
                }
                for pair in pairs where pair.key == "names" {
                    names = Self.readNames(pair, sweep: sweep, log: &log)
                }
                for name in ["reference_cell", "compare_against"] {
                    for pair in pairs where pair.key == name {
                        Self.read(pair, sweep: sweep, into: &chosen, log: &log)
                    }
                }
                for pair in pairs where !Self.keys.contains(pair.key) {
                    var message = "unknown key '\(pair.key)'"
                    if let s = suggestion(for: pair.key, among: Self.keys) { message += "; did you mean '\(s)'?" }
                    log.error(message, at: pair.keyMark, path: "report.\(pair.key)")
                }
            } else {
                log.error("expected a mapping, found \(section.kindDescription)", at: section.mark, path: "report")
            }
        }
        let axisNames = names
        axes = sweep.axes.enumerated().map { a, axis in
            let names = axis.keys.map(\.name)
            let given = axis.keys.indices.filter { chosen[names[$0]] != nil }
            let row = axis.rows.firstIndex { row in
                given.allSatisfy { CanonicalForm.equal(row[$0], chosen[names[$0]]!.value) }
            }
            // Reported at the value written last: the one that left no row.
            let entries = given.map { chosen[names[$0]]! }
            let last = entries.max { ($0.value.mark.line, $0.value.mark.column) < ($1.value.mark.line, $1.value.mark.column) }
            if row == nil, let last {
                let held = zip(given, entries).map { "\(names[$0])=\(CanonicalForm.label($1.value))" }
                log.error("no row of the zip group holds " + held.joined(separator: " with "),
                          at: last.value.mark, path: last.location)
            }
            return ComparisonAxis(keys: names, reference: axis.rows[row ?? 0].map(CanonicalForm.label), names: axisNames[a])
        }
    }

    /// Reads `names`: per grid key or zip key, a list of short names, one per value (row) of
    /// its axis, distinct, each 1 to `maxNameLength` characters of letters, digits, spaces and
    /// `._+-/()`. Returns the names by axis index.
    private static func readNames(_ pair: Node.Pair, sweep: SweepSpec, log: inout DiagnosticLog) -> [Int: [String]] {
        guard let entries = pair.value.mapping else {
            if !pair.value.isNull {
                log.error("expected a mapping of swept keys to lists of names, found \(pair.value.kindDescription)",
                          at: pair.value.mark, path: "report.names")
            }
            return [:]
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ._+-/()")
        var result: [Int: [String]] = [:]
        entries: for entry in entries {
            let location = "report.names.\(entry.key)"
            guard let a = sweep.axes.firstIndex(where: { $0.keys.contains { $0.name == entry.key } }) else {
                var message = "'\(entry.key)' is not a grid or zip key"
                if let s = suggestion(for: entry.key, among: sweep.keys.map(\.name)) { message += "; did you mean '\(s)'?" }
                log.error(message, at: entry.keyMark, path: location)
                continue
            }
            let rows = sweep.axes[a].rows.count
            guard let items = entry.value.sequence, items.count == rows else {
                log.error("expected a list of \(rows) names, one per value of the axis", at: entry.value.mark, path: location)
                continue
            }
            if result[a] != nil {
                log.error("the axis of '\(entry.key)' is already named", at: entry.keyMark, path: location)
                continue
            }
            var list: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let name)? = item.resolved, !name.isEmpty, name.count <= maxNameLength,
                    name.allSatisfy(allowed.contains), name.first != " ", name.last != " "
                else {
                    log.error("a name is 1 to \(maxNameLength) letters, digits, spaces (not at either end) or ._+-/()",
                              at: item.mark, path: "\(location)[\(i)]")
                    continue entries
                }
                if let j = list.firstIndex(of: name) {
                    log.error("'\(name)' names position \(j) already; each name may appear once", at: item.mark, path: "\(location)[\(i)]")
                    continue entries
                }
                list.append(name)
            }
            result[a] = list
        }
        return result
    }

    /// Reads `reference_cell` or `compare_against`: a mapping of swept keys to swept values.
    private static func read(
        _ pair: Node.Pair, sweep: SweepSpec, into chosen: inout [String: (value: Node, location: String)],
        log: inout DiagnosticLog
    ) {
        let base = "report.\(pair.key)"
        guard let entries = pair.value.mapping else {
            if !pair.value.isNull {
                log.error("expected a mapping of swept keys to values, found \(pair.value.kindDescription)",
                          at: pair.value.mark, path: base)
            }
            return
        }
        for entry in entries {
            let location = "\(base).\(entry.key)"
            guard let axis = sweep.axes.first(where: { $0.keys.contains { $0.name == entry.key } }),
                let column = axis.keys.firstIndex(where: { $0.name == entry.key })
            else {
                var message = "'\(entry.key)' is not a grid or zip key"
                if let s = suggestion(for: entry.key, among: sweep.keys.map(\.name)) { message += "; did you mean '\(s)'?" }
                log.error(message, at: entry.keyMark, path: location)
                continue
            }
            guard axis.rows.contains(where: { CanonicalForm.equal($0[column], entry.value) }) else {
                let values = axis.rows.map { CanonicalForm.label($0[column]) }.joined(separator: ", ")
                log.error("'\(CanonicalForm.label(entry.value))' is not a value of '\(entry.key)'; its values are \(values)",
                          at: entry.value.mark, path: location)
                continue
            }
            chosen[entry.key] = (entry.value, location)
        }
    }
}
