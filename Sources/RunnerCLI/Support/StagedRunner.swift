import Foundation
import Results
import Sweep

/// The runner cluster tasks run: a copy, in the experiment's `cluster/` folder, of a `runner`
/// with the Swift runtime linked statically, so that compute nodes need no Swift toolchain,
/// no checkout and no build that could change while tasks wait (docs/cluster.md, "What the
/// nodes need").
///
/// The copy is of the file `--static-runner` names, else of this executable when it is
/// statically linked, else of the one `swift build -c release --static-swift-stdlib`
/// (`make static`) builds in the package this executable was built in (docs/cluster.md,
/// "Staging: what the tasks run").
enum StagedRunner {
    /// Why no statically linked runner could be found or built: the whole message after
    /// `error: ` (`ExitStatus.noStaticRunner`).
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The Swift runtime as a shared library: a runner that needs it needs a toolchain.
    static let runtimeLibrary = "libswiftCore.so"

    /// The build of the static runner, run in the package's folder (what `make static` runs);
    /// its own scratch folder keeps it apart from the debug and release builds.
    static let buildArguments = [
        "build", "-c", "release", "--static-swift-stdlib", "--product", "runner", "--scratch-path", ".build/static",
    ]

    /// Where that build leaves the runner, relative to the package's folder.
    static let builtPath = ".build/static/release/runner"

    /// Whether the executable at `file` names the Swift runtime among the shared libraries the
    /// dynamic loader must find (`ELFDependencies`); false for a file that is not ELF.
    static func linksRuntimeDynamically(_ file: URL) throws -> Bool {
        try ELFDependencies.needed(file)?.contains { $0.hasPrefix(runtimeLibrary) } ?? false
    }

    /// The package `executable` was built in: the folder holding the `.build` folder above it
    /// and a `Package.swift`; nil when there is none.
    static func package(of executable: URL) -> URL? {
        var folder = executable.deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            let parent = folder.deletingLastPathComponent()
            if folder.lastPathComponent == ".build",
                FileManager.default.fileExists(atPath: parent.appendingPathComponent("Package.swift").path)
            {
                return parent
            }
            folder = parent
        }
        return nil
    }

    /// The statically linked runner to stage: `given` (checked to be one), else `running`
    /// when it is one, else a fresh build in `running`'s package. Prints what it builds.
    static func find(given: URL?, running: URL) throws -> URL {
        if let given {
            guard FileManager.default.isExecutableFile(atPath: given.path) else {
                throw Unavailable(description: "--static-runner \(given.path) is not an executable file")
            }
            guard try !linksRuntimeDynamically(given) else {
                throw Unavailable(description: "--static-runner \(given.path) loads the Swift runtime as a shared "
                    + "library (\(runtimeLibrary)); build one with `make static`")
            }
            return given
        }
        if try !linksRuntimeDynamically(running) { return running }
        guard let package = package(of: running) else {
            throw Unavailable(description: "this runner (\(running.path)) loads the Swift runtime as a shared library "
                + "(\(runtimeLibrary)), which compute nodes may not have, and was not built in a package that could "
                + "build a static one; give one with --static-runner (`make static` builds \(builtPath))")
        }
        let command = "swift " + ShellQuote.line(buildArguments)
        guard let build = ChildProcess.onPath("swift", arguments: buildArguments, workingDirectory: package) else {
            throw Unavailable(description: "this runner loads the Swift runtime as a shared library (\(runtimeLibrary)) "
                + "and swift is not on PATH to build a static one (\(command) in \(package.path)); "
                + "give one with --static-runner")
        }
        Console.error("building a runner with the Swift runtime linked statically: (cd \(ShellQuote.word(package.path)) && \(command))")
        let outcome = try build.run()
        guard outcome.succeeded else {
            let said = (outcome.stdout + outcome.stderr).split(separator: "\n").suffix(20).joined(separator: "\n")
            throw Unavailable(description: "\(command) in \(package.path) failed (exit \(outcome.status)):\n\(said)")
        }
        let built = package.appendingPathComponent(builtPath)
        guard try !linksRuntimeDynamically(built) else {
            throw Unavailable(description: "\(built.path) still loads \(runtimeLibrary); it cannot be staged")
        }
        return built
    }

    /// Copies `runner` to `folder/runner` (executable) and writes `experiment` to
    /// `folder/experiment.yaml`, each replacing what was there in one rename, so that a task
    /// running or starting meanwhile sees the old file or the new, never a torn one. The
    /// commit `runner` was built from, when known, goes to `folder/runner.commit`, for the
    /// tasks' manifests and `--version`.
    static func stage(runner: URL, experiment: String, in folder: URL) throws {
        let data = try Data(contentsOf: runner, options: .alwaysMapped)
        let commit = (try? SweepRunner.commit(ofExecutable: runner)) ?? nil
        try AtomicFile.write(data, to: folder.appendingPathComponent(ExperimentFolder.stagedRunnerName), durable: true, executable: true)
        try AtomicFile.write(experiment, to: folder.appendingPathComponent(ExperimentFolder.stagedExperimentName), durable: true)
        let commitFile = folder.appendingPathComponent(SweepRunner.stagedCommitName)
        if let commit {
            try AtomicFile.write(commit + "\n", to: commitFile, durable: true)
        } else if FileManager.default.fileExists(atPath: commitFile.path) {
            try FileManager.default.removeItem(at: commitFile)
        }
    }
}
