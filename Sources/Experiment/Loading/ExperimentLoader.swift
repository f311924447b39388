import YAML

/// Reads an experiment file and expands it into a plan of jobs.
///
/// The pipeline: parse (and `extends`) -> header (name, seeds, regression) -> sweep axes ->
/// one settings tree per cell, decoded and checked -> jobs with canonical forms and ids.
/// Every error names the file, line, column and key path; all errors found are reported.
public struct ExperimentLoader: Sendable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = .init()) {
        self.limits = limits
    }

    /// Loads and expands the experiment at `path`. Throws `ConfigurationError`.
    public func load(path: String) throws -> ExperimentPlan {
        try load(path: path, overrides: [])
    }

    /// Loads the experiment at `path`, applies `overrides` in order to the resolved tree (after
    /// `extends`, before decoding), and expands it; the plan records the overrides and its
    /// `resolved` tree holds their values. Throws `ConfigurationError`.
    public func load(path: String, overrides: [ConfigOverride]) throws -> ExperimentPlan {
        var file = try ExtendsResolver(limits: limits).resolve(path: path)
        for override in overrides { file = override.applied(to: file) }
        var plan = try plan(for: file)
        plan.overrides = overrides.map(\.argument)
        return plan
    }

    /// Expands an already-resolved experiment tree.
    public func plan(for file: Node) throws -> ExperimentPlan {
        var log = DiagnosticLog()
        let decodedHeader = CollectingDecoder.decode(ExperimentHeader.self, from: file)
        for diagnostic in decodedHeader.errors { log.add(diagnostic) }
        for diagnostic in ExperimentHeader.unknownKeys(in: file) where !decodedHeader.errors.contains(where: { $0.path == diagnostic.path }) {
            log.add(diagnostic)
        }
        // A swept key or list in error is left out of the sweep, so the cells are still checked;
        // but without an exclude rule that reads, cells it was written to drop would be judged.
        let sweep = SweepSpec(file: file, log: &log)
        let report = ReportSettings(file: file, sweep: sweep, log: &log)
        if log.errors.contains(where: { $0.path.hasPrefix("exclude") }) { try log.throwIfErrors() }
        try checkSweepSize(sweep, seeds: decodedHeader.value?.seeds.count ?? 1, file: file)

        let base = file.keeping(Set(JobSettings.sectionKeys))
        var cells: [ExperimentPlan.Cell] = []
        for position in sweep.combinations() {
            let assignments = sweep.assignments(position)
            var tree = base
            for (key, value) in assignments {
                tree = tree.setting(key.path[...], to: value, keyMark: key.keyMark)
            }
            let decoded = CollectingDecoder.decode(JobSettings.self, from: tree)
            for diagnostic in decoded.errors { log.add(relocated(diagnostic, assignments: assignments)) }
            // The rules across keys are checked once every key reads: a key left out for its
            // error would be judged at its default.
            guard let settings = decoded.clean else { continue }
            var cellLog = DiagnosticLog()
            SettingsRules.check(settings, tree: tree, log: &cellLog)
            for diagnostic in cellLog.errors + cellLog.warnings {
                log.add(relocated(diagnostic, assignments: assignments))
            }
            let values = assignments.map { (key: $0.key.name, value: CanonicalForm.label($0.value)) }
            cells.append(.init(
                index: cells.count, label: Self.label(position, sweep: sweep, report: report), values: values,
                settings: settings))
        }
        try log.throwIfErrors()
        guard let header = decodedHeader.clean else { preconditionFailure("header errors are thrown above") }

        var jobs: [ExperimentPlan.Job] = []
        for cell in cells {
            let identity = try JobIdentity(settings: cell.settings)
            for seed in header.seeds {
                let (tree, canonical, id) = identity.job(seed: seed)
                jobs.append(.init(
                    id: id, cellIndex: cell.index, seed: seed,
                    config: JobConfig(settings: cell.settings, seed: seed), canonical: canonical,
                    canonicalTree: tree))
            }
        }
        return ExperimentPlan(
            name: header.name, description: header.description, resolved: file,
            sweptKeys: sweep.keys.map(\.name), cells: cells, jobs: jobs, seeds: header.seeds,
            regression: header.regression, report: report, warnings: log.warnings)
    }

    /// A cell's label: per axis, its short name (`report.names`) or its keys as `key=value`,
    /// joined by commas; `default` for the one cell of a file that sweeps nothing.
    private static func label(_ position: [Int], sweep: SweepSpec, report: ReportSettings) -> String {
        var parts: [String] = []
        for (a, axis) in sweep.axes.enumerated() {
            if let names = report.axes[a].names {
                parts.append(names[position[a]])
            } else {
                parts += zip(axis.keys, axis.rows[position[a]]).map { "\($0.name)=\(CanonicalForm.label($1))" }
            }
        }
        return parts.isEmpty ? "default" : parts.joined(separator: ",")
    }

    /// Refuses a sweep of more than `ExperimentPlan.maxJobs` jobs before expanding it, so that a
    /// huge grid is a quick error rather than minutes of work and gigabytes of cells.
    private func checkSweepSize(_ sweep: SweepSpec, seeds: Int, file: Node) throws {
        let (jobs, overflow) = sweep.combinationCount.multipliedReportingOverflow(by: seeds)
        guard overflow || jobs > ExperimentPlan.maxJobs else { return }
        let section = ["grid", "zip", "seeds"].first { name in file.mapping?.contains { $0.key == name } == true }
        let mark = file.mapping?.first { $0.key == section }?.keyMark ?? file.mark
        let sizes = sweep.axes.map { String($0.rows.count) }.joined(separator: " x ")
        let count = overflow || sweep.combinationCount == Int.max ? "more than \(Int.max)" : String(jobs)
        throw ConfigurationError([Diagnostic(
            at: mark, path: section ?? "",
            message: "this sweep has \(count) jobs (\(sizes.isEmpty ? "1" : sizes) cells x \(seeds) seeds, "
                + "before exclude); the limit is \(ExperimentPlan.maxJobs)")])
    }

    /// A diagnostic raised by a swept value or key, re-addressed to where it was swept.
    private func relocated(
        _ diagnostic: Diagnostic, assignments: [(key: SweepSpec.Key, value: Node)]
    ) -> Diagnostic {
        var d = diagnostic
        for (key, value) in assignments {
            if d.mark == value.mark && d.path.hasPrefix(key.name) {
                d.path = key.location + d.path.dropFirst(key.name.count)
                return d
            }
            if d.mark == key.keyMark {
                d.path = key.location
                d.message = "'\(key.name)' names no setting: \(d.message)"
                return d
            }
        }
        return d
    }
}
