import ArgumentParser

/// `runner validate CONFIG`: reports the file's errors, or "ok: N jobs".
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an experiment file: its errors, or \"ok: N jobs\".")

    @Argument(help: "The experiment file.")
    var config: String

    @OptionGroup var overrides: OverrideArguments

    func run() throws {
        let plan = try PlanLoading.load(config, overrides: overrides.set)
        Console.out("ok: \(plan.jobs.count) job\(plan.jobs.count == 1 ? "" : "s")")
    }
}
