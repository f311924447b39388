import ArgumentParser

/// The options of `runner plan --power`: the difference to detect, the test's level, the
/// target power and the pilot results folder.
struct PowerArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Print the seeds each comparison needs to detect this difference in final return.", valueName: "delta"))
    var power: Double?

    @Option(help: "With --power: the level of the test (two-sided unless --one-sided).")
    var alpha: Double?

    @Flag(name: .customLong("one-sided"), help: "With --power: plan a one-sided test (a difference in delta's direction only).")
    var oneSided = false

    @Option(name: .customLong("power-target"), help: "With --power: the probability of detecting the difference.")
    var powerTarget: Double?

    @Option(help: ArgumentHelp(
        "With --power: a results folder to estimate the spread from (default: results/<experiment>).",
        valueName: "dir"))
    var pilot: String?

    func validateOptions() throws {
        guard let power else {
            if alpha != nil || powerTarget != nil || pilot != nil || oneSided {
                throw ValidationError("--alpha, --power-target, --one-sided and --pilot need --power")
            }
            return
        }
        if !(power > 0 && power.isFinite) { throw ValidationError("--power must be a positive number") }
        if let alpha, !(alpha > 0 && alpha < 1) { throw ValidationError("--alpha must be in (0, 1)") }
        if let powerTarget, !(powerTarget > 0 && powerTarget < 1) {
            throw ValidationError("--power-target must be in (0, 1)")
        }
        if pilot?.isEmpty == true { throw ValidationError("--pilot must name a folder, not be empty") }
    }
}
