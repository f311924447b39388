import ArgumentParser
import Sweep
import Testing

@testable import RunnerCLI

/// Usage errors parse in-process into exit code 64 with a message that says what is wrong.
@Suite struct UsageErrorParsingTests {
    /// The exit code and message ArgumentParser gives for `arguments`; nil when they parse.
    static func failure(_ arguments: [String]) -> (code: Int32, message: String)? {
        do {
            _ = try Runner.parseAsRoot(arguments)
            return nil
        } catch {
            return (Runner.exitCode(for: error).rawValue, Runner.fullMessage(for: error))
        }
    }

    @Test(arguments: [["run", "x.yaml"], ["x.yaml"], ["check", "x.yaml"]])
    func aNegativeJobCountIsRefusedAsBelowOne(_ command: [String]) throws {
        for value in ["-1", "0", "-12"] {
            let failure = try #require(Self.failure(command + ["--jobs", value]))
            #expect(failure.code == 64)
            #expect(failure.message.contains("--jobs must be at least 1"), "\(failure.message)")
        }
    }

    @Test(arguments: [["run", "x.yaml"], ["x.yaml"], ["check", "x.yaml"]])
    func anEmptyResultsFolderIsRefused(_ command: [String]) throws {
        let failure = try #require(Self.failure(command + ["--results", ""]))
        #expect(failure.code == 64)
        #expect(failure.message.contains("--results must name a folder"))
    }

    @Test func anEmptyReportFolderIsRefused() throws {
        #expect(Self.failure(["report", ""])?.code == 64)
    }

    @Test func runAndCheckShareTheSweepOptions() throws {
        let arguments = ["x.yaml", "--jobs", "3", "--results", "out", "--force", "--only", "baseline=none"]
        let run = try #require(try Runner.parseAsRoot(["run"] + arguments) as? Run)
        let check = try #require(try Runner.parseAsRoot(["check"] + arguments) as? Check)
        for sweep in [run.sweep, check.sweep] {
            #expect(sweep.jobs == 3 && sweep.results == "out" && sweep.force && sweep.only == ["baseline=none"])
        }
        #expect(Self.failure(["check", "x.yaml", "--update-reference", "--only", "baseline=none"])?.code == 64)
    }

    @Test func versionIsACleanExitWithTheToolVersion() throws {
        do {
            _ = try Runner.parseAsRoot(["--version"])
            Issue.record("--version parsed as a command")
        } catch {
            #expect(Runner.exitCode(for: error) == .success)
            #expect(Runner.fullMessage(for: error) == SweepRunner.toolVersion)
        }
        #expect(Runner.versionText.hasPrefix("runner \(SweepRunner.toolVersion)"))
    }
}
