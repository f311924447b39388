import ArgumentParser
import Testing

@testable import RunnerCLI

/// The command line parses in-process into the right subcommand and options.
@Suite struct CommandParsingTests {
    @Test func runIsTheDefaultSubcommand() throws {
        let command = try Runner.parseAsRoot(["experiments/a2c.yaml", "--jobs", "2", "--only", "baseline=value"])
        let run = try #require(command as? Run)
        #expect(run.config == "experiments/a2c.yaml")
        #expect(run.sweep.jobs == 2)
        #expect(run.sweep.only == ["baseline=value"])
        #expect(run.sweep.results == "results")
    }

    @Test func planTakesAFormat() throws {
        let plan = try #require(try Runner.parseAsRoot(["plan", "x.yaml", "--format", "json"]) as? Plan)
        #expect(plan.format == .json)
        #expect(try #require(try Runner.parseAsRoot(["plan", "x.yaml"]) as? Plan).format == .table)
    }

    @Test func validateTakesAFile() throws {
        let validate = try #require(try Runner.parseAsRoot(["validate", "x.yaml"]) as? Validate)
        #expect(validate.config == "x.yaml")
    }

    @Test func usageErrorsExitWith64() {
        for arguments in [["plan", "x.yaml", "--format", "xml"], ["validate"], ["run", "x.yaml", "--jobs", "0"]] {
            do {
                _ = try Runner.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(Runner.exitCode(for: error) == ExitStatus.usage, "\(arguments)")
            }
        }
    }
}
