import YAML

extension ReportSettings {
    /// Reads `report.normalize`: a mapping of swept environment ids to [low, high], two finite
    /// numbers with low < high. The sweep must vary `environment.id`.
    static func readNormalize(_ pair: Node.Pair, sweep: SweepSpec, log: inout DiagnosticLog) -> [String: [Double]] {
        let path = "report.normalize"
        guard let entries = pair.value.mapping else {
            if !pair.value.isNull {
                log.error("expected a mapping of environment ids to [low, high], found \(pair.value.kindDescription)",
                          at: pair.value.mark, path: path)
            }
            return [:]
        }
        guard let axis = sweep.axes.first(where: { $0.keys.contains { $0.name == "environment.id" } }),
            let column = axis.keys.firstIndex(where: { $0.name == "environment.id" })
        else {
            log.error("needs a sweep over environment.id (in grid or zip)", at: pair.keyMark, path: path)
            return [:]
        }
        let swept = axis.rows.map { CanonicalForm.label($0[column]) }
        var ranges: [String: [Double]] = [:]
        for entry in entries {
            let location = "\(path).\(entry.key)"
            guard swept.contains(entry.key) else {
                log.error("'\(entry.key)' is not a swept environment.id; they are \(swept.joined(separator: ", "))",
                          at: entry.keyMark, path: location)
                continue
            }
            let bounds = entry.value.sequence?.compactMap { node -> Double? in
                switch node.resolved {
                case .int(let i)?: return Double(i)
                case .float(let d)?: return d
                default: return nil
                }
            }
            guard let bounds, bounds.count == 2, entry.value.sequence?.count == 2,
                bounds.allSatisfy(\.isFinite), bounds[0] < bounds[1]
            else {
                log.error("expected [low, high]: two finite numbers with low < high", at: entry.value.mark, path: location)
                continue
            }
            ranges[entry.key] = bounds
        }
        return ranges
    }
}
