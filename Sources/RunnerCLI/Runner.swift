#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import GymnasiumBridge
import PolicyGradient
import Sweep

/// The `runner` command: runs policy-gradient experiments declared in YAML.
///
/// Exit codes (`ExitStatus`): 0 success; 1 a job failed or diverged, a regression was found or
/// nothing could be checked, `env check` found a difference, the results folder cannot be written or other runners still hold
/// its jobs or its report, or the command's own output could not be written; 2 invalid config;
/// 64 usage error; 65 `export` cannot express the policy; 69 `submit` has no statically linked
/// runner to stage, or `export` no Python with Stable-Baselines3; 130 interrupted
/// (SIGINT, SIGTERM, SIGUSR1).
package struct Runner: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "runner",
        abstract: "Run policy-gradient experiments declared in YAML files.",
        discussion: """
            Exit codes: 0 success; 1 a job failed or diverged, a regression was found or \
            nothing could be checked, `env check` found a difference, the results folder cannot be written or other runners still \
            hold its jobs or its report, or \
            the command's own output could not be written (a reader closing a pipe early is \
            not an error); 2 invalid config; 64 usage error (or the results folder holds \
            another experiment); 65 `export` cannot express the \
            policy; 69 `submit` has no statically linked runner to stage and cannot build \
            one, or `export` has no Python with stable-baselines3 and torch; 130 interrupted (SIGINT, SIGTERM, \
            SIGUSR1: a job interrupted resumes from its latest checkpoint when run again).

            --version prints `runner VERSION (commit HASH)`: the commit checked out in the git \
            repository that holds the executable, left out when there is none or git is absent; \
            then `dense kernels: avx512`, `avx2` or `baseline`, the compiled version of the \
            neural-network kernels this machine runs (the environment variable RUNNER_KERNELS \
            chooses another; all give bitwise-identical results).
            """,
        version: SweepRunner.toolVersion,
        subcommands: [Run.self, Plan.self, Validate.self, ReportCommand.self, Check.self, Evaluate.self, Export.self, Import.self, Env.self, Submit.self, Status.self],
        defaultSubcommand: Run.self
    )

    package init() {}

    /// Runs the command line and exits with its status.
    ///
    /// Replaces ArgumentParser's `main()` so that help, usage errors and the command's own
    /// output all go through `Console`, and a lost console turns into the exit status.
    package static func main() {
        // A closed pipe must be an EPIPE write error to handle, not a signal that kills. A
        // handler that does nothing, rather than SIG_IGN, because a caught signal is reset
        // to its default in the programs we start (git, gnuplot) while an ignored one is not.
        signal(SIGPIPE) { _ in }
        let status = execute(Array(CommandLine.arguments.dropFirst()))
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }

    /// Parses and runs `arguments`; returns the exit status after printing what there is to say.
    static func execute(_ arguments: [String]) -> Int32 {
        // `environment.backend: gymnasium` (docs/environments.md, "Gymnasium environments").
        GymnasiumBackend.register()
        var status: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            status = ExitCode.success.rawValue
        } catch {
            status = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if message.isEmpty {
                // ExitCode errors: the command has already said why.
            } else if status == ExitCode.success.rawValue {
                Console.out(message == SweepRunner.toolVersion ? versionText : message)
            } else {
                Console.error(message)
            }
        }
        return Console.finalStatus(status)
    }

    /// `runner 0.1.0 (commit <hash>)`: the commit is that of the git checkout holding the
    /// executable (where `swift build` puts it), left out when there is none or git is absent,
    /// and left out with a warning on standard error when git cannot be started (no memory,
    /// no descriptors). A second line names the version of the dense kernels that runs.
    static var versionText: String {
        var text = "runner \(SweepRunner.toolVersion)"
        do {
            if let commit = try SweepRunner.runnerCommit() {
                text += " (commit \(commit))"
            }
        } catch {
            Console.error("warning: the version is printed without its commit: \(error)")
        }
        return text + "\ndense kernels: \(DenseKernels.InstructionSet.selected.rawValue)"
    }
}
