import YAML

/// The `grid`, `zip` and `exclude` sections: the axes a sweep varies.
///
/// Axes come in file order, grid keys first, then one axis per zip group; the last axis
/// varies fastest. An exclude rule drops every combination matching all of its keys.
struct SweepSpec {
    /// One swept key: its dotted path and the marks that name it.
    struct Key {
        var name: String
        var path: [String]
        var keyMark: Mark
        /// "grid.<name>" or "zip[i].<name>", for messages.
        var location: String
    }

    /// One axis: a list of keys varied together, and the values (one row per axis position).
    struct Axis {
        var keys: [Key]
        var rows: [[Node]]
    }

    struct ExcludeRule {
        var entries: [(key: Key, value: Node)]
    }

    var axes: [Axis] = []
    var excludes: [ExcludeRule] = []

    /// Every swept key, in axis order.
    var keys: [Key] { axes.flatMap(\.keys) }

    /// The number of grid × zip combinations before `exclude`, saturating at `Int.max`.
    var combinationCount: Int {
        axes.reduce(1) { count, axis in
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.rows.count)
            return overflow ? Int.max : product
        }
    }

    init(file: Node, log: inout DiagnosticLog) {
        let sectionKeys = JobSettings.sectionKeys
        var seen: [String: Key] = [:]

        func key(_ pair: Node.Pair, location: String) -> Key? {
            let path = pair.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let key = Key(name: pair.key, path: path, keyMark: pair.keyMark, location: location)
            if path.contains(where: \.isEmpty) {
                log.error("'\(pair.key)' is not a dotted key path", at: pair.keyMark, path: location)
                return nil
            }
            if !sectionKeys.contains(path[0]) {
                var message = "'\(pair.key)' names no job setting"
                if let s = suggestion(for: path[0], among: sectionKeys) { message += "; did you mean '\(s)'?" }
                var diagnostic = Diagnostic(.error, at: pair.keyMark, path: location, message: message)
                if path.count == 1 { diagnostic.unknownKey = pair.key }
                log.add(diagnostic)
                return nil
            }
            if let earlier = seen[pair.key] {
                log.error("'\(pair.key)' is swept twice (first at line \(earlier.keyMark.line))",
                          at: pair.keyMark, path: location)
                return nil
            }
            seen[pair.key] = key
            return key
        }

        func values(_ node: Node, location: String) -> [Node]? {
            guard let elements = node.sequence else {
                log.error("expected a list of values, found \(node.kindDescription)", at: node.mark, path: location)
                return nil
            }
            if elements.isEmpty {
                log.error("needs at least one value", at: node.mark, path: location)
                return nil
            }
            return elements
        }

        if let grid = file["grid"], grid.resolved != .null {
            if let pairs = grid.mapping {
                for pair in pairs {
                    let location = "grid.\(pair.key)"
                    if let k = key(pair, location: location), let v = values(pair.value, location: location) {
                        let rows = v.map { [$0] }
                        Self.reportRepeats(rows, locations: [location], log: &log)
                        axes.append(Axis(keys: [k], rows: rows))
                    }
                }
            } else {
                log.error("expected a mapping of keys to lists, found \(grid.kindDescription)",
                          at: grid.mark, path: "grid")
            }
        }

        if let zip = file["zip"], zip.resolved != .null {
            if let groups = zip.sequence {
                for (g, group) in groups.enumerated() {
                    guard let pairs = group.mapping, !pairs.isEmpty else {
                        log.error("expected a mapping of keys to lists, found \(group.kindDescription)",
                                  at: group.mark, path: "zip[\(g)]")
                        continue
                    }
                    var keys: [Key] = []
                    var columns: [[Node]] = []
                    for pair in pairs {
                        let location = "zip[\(g)].\(pair.key)"
                        if let k = key(pair, location: location), let v = values(pair.value, location: location) {
                            if let first = columns.first, first.count != v.count {
                                log.error(
                                    "zip lists have unequal lengths: '\(keys[0].name)' has \(first.count) values, '\(pair.key)' has \(v.count)",
                                    at: pair.value.mark, path: location)
                                continue
                            }
                            keys.append(k)
                            columns.append(v)
                        }
                    }
                    guard let count = columns.first?.count else { continue }
                    let rows = (0..<count).map { i in columns.map { $0[i] } }
                    Self.reportRepeats(rows, locations: keys.map(\.location), log: &log)
                    axes.append(Axis(keys: keys, rows: rows))
                }
            } else {
                log.error("expected a list of mappings, found \(zip.kindDescription)", at: zip.mark, path: "zip")
            }
        }

        if let exclude = file["exclude"], exclude.resolved != .null {
            guard let rules = exclude.sequence else {
                log.error("expected a list of mappings, found \(exclude.kindDescription)",
                          at: exclude.mark, path: "exclude")
                return
            }
            for (r, rule) in rules.enumerated() {
                guard let pairs = rule.mapping, !pairs.isEmpty else {
                    log.error("expected a mapping of swept keys to values, found \(rule.kindDescription)",
                              at: rule.mark, path: "exclude[\(r)]")
                    continue
                }
                var entries: [(key: Key, value: Node)] = []
                for pair in pairs {
                    let location = "exclude[\(r)].\(pair.key)"
                    guard let swept = seen[pair.key] else {
                        var message = "'\(pair.key)' is not a grid or zip key"
                        if let s = suggestion(for: pair.key, among: Array(seen.keys).sorted()) {
                            message += "; did you mean '\(s)'?"
                        }
                        log.error(message, at: pair.keyMark, path: location)
                        continue
                    }
                    // A key whose values were rejected has no axis; its error is already logged.
                    guard let axis = axes.first(where: { $0.keys.contains { $0.name == pair.key } }),
                        let column = axis.keys.firstIndex(where: { $0.name == pair.key })
                    else { continue }
                    if !axis.rows.contains(where: { CanonicalForm.equal($0[column], pair.value) }) {
                        log.warning("matches none of the values of '\(pair.key)'", at: pair.value.mark, path: location)
                    }
                    entries.append((swept, pair.value))
                }
                excludes.append(ExcludeRule(entries: entries))
            }
        }
    }

    /// Reports each row of an axis that repeats an earlier one, at the repeat: two equal rows
    /// would make two cells with the same settings and the same label. Values compare as settings
    /// (`0`, `0.0` and `0.0e0` are equal) and by label (`.nan` equals `.nan`).
    private static func reportRepeats(_ rows: [[Node]], locations: [String], log: inout DiagnosticLog) {
        var bySetting: [String: Int] = [:]
        var byLabel: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            let setting = row.map(settingKey).joined(separator: "\u{1}")
            let label = row.map(CanonicalForm.label).joined(separator: "\u{1}")
            guard let first = bySetting[setting] ?? byLabel[label] else {
                bySetting[setting] = i
                byLabel[label] = i
                continue
            }
            let earlier = rows[first][0].mark
            let message = locations.count == 1
                ? "'\(CanonicalForm.label(row[0]))' repeats the value '\(CanonicalForm.label(rows[first][0]))' "
                    + "at line \(earlier.line), column \(earlier.column); each value may appear once"
                : "this row repeats row \(first) (line \(earlier.line)); each combination may appear once"
            log.error(message, at: row[0].mark, path: "\(locations[0])[\(i)]")
        }
    }

    /// A value's identity as a setting: numbers by value (`1` is `1.0`), anything else by its
    /// canonical text.
    private static func settingKey(_ node: Node) -> String {
        switch node.resolved {
        case .int(let i)?: return "n" + CanonicalForm.number(Double(i))
        case .float(let d)?: return "n" + CanonicalForm.number(d + 0)  // + 0 turns −0 into 0
        default: return "t" + CanonicalForm.text(node)
        }
    }

    /// The combinations of axis positions that survive the exclude rules, last axis fastest.
    func combinations() -> [[Int]] {
        var result: [[Int]] = []
        var position = [Int](repeating: 0, count: axes.count)
        while true {
            if !isExcluded(position) { result.append(position) }
            var axis = axes.count - 1
            while axis >= 0 {
                position[axis] += 1
                if position[axis] < axes[axis].rows.count { break }
                position[axis] = 0
                axis -= 1
            }
            if axis < 0 { return result }
        }
    }

    /// The (key, value) assignments of one combination, in axis order.
    func assignments(_ position: [Int]) -> [(key: Key, value: Node)] {
        zip(axes, position).flatMap { axis, i in zip(axis.keys, axis.rows[i]).map { ($0, $1) } }
    }

    private func isExcluded(_ position: [Int]) -> Bool {
        let assigned = assignments(position)
        return excludes.contains { rule in
            rule.entries.allSatisfy { entry in
                assigned.contains { $0.key.name == entry.key.name && CanonicalForm.equal($0.value, entry.value) }
            }
        }
    }
}
