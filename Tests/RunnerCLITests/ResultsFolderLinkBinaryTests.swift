import Foundation
import TestSupport
import Testing

/// Nothing the runner writes or deletes in an experiment folder goes through a symbolic link it
/// did not create: such a link is an error naming it (exit 1), and what it points to is untouched.
@Suite(.serialized) struct ResultsFolderLinkBinaryTests {
    /// One quick bandit job.
    static let experiment = ExperimentFixture.text("linked")

    /// A folder with the experiment file, a finished results folder, and a user's own folder
    /// holding files the runner must never touch.
    struct Setup {
        let scratch = TemporaryFolder()
        var config: String { scratch.url.appendingPathComponent("linked.yaml").path }
        var results: URL { scratch.url.appendingPathComponent("results") }
        var folder: URL { results.appendingPathComponent("linked") }
        var user: URL { scratch.url.appendingPathComponent("user") }

        init(run: Bool = true) throws {
            scratch.write("linked.yaml", ResultsFolderLinkBinaryTests.experiment)
            try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
            for name in ["precious.txt", "learning_curves.png", "learning_curves.gp", "result.json"] {
                try "user data \(name)\n".write(to: user.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            if run {
                let outcome = try self.run(["run", config])
                #expect(outcome.status == 0, "\(outcome.stderr)")
            }
        }

        func run(_ arguments: [String]) throws -> BinaryRunner.Outcome {
            var arguments = arguments
            if arguments.first == "run" { arguments += ["--results", results.path, "--no-progress", "--jobs", "1"] }
            return try BinaryRunner.run(arguments, in: scratch.url, timeout: 300)
        }

        /// Replaces `relative` (in the experiment folder) with a link to `target`.
        func link(_ relative: String, to target: URL) throws {
            let url = folder.appendingPathComponent(relative)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        }

        /// Every file of the user's folder is as written.
        func expectUserFilesIntact() throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: user.path).sorted()
            #expect(names == ["learning_curves.gp", "learning_curves.png", "precious.txt", "result.json"])
            for name in names {
                #expect(try String(contentsOf: user.appendingPathComponent(name), encoding: .utf8) == "user data \(name)\n", "\(name)")
            }
        }
    }

    @Test func reportClaimLinkedToAUserFileIsRefusedByRunAndReport() throws {
        let setup = try Setup()
        try setup.link("claims/report", to: setup.user.appendingPathComponent("precious.txt"))
        for arguments in [["run", setup.config], ["report", setup.folder.path]] {
            let outcome = try setup.run(arguments)
            #expect(outcome.status == 1 && !outcome.crashed, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("claims/report: is a symbolic link"), "\(outcome.stderr)")
            try setup.expectUserFilesIntact()
        }
    }

    @Test func reportClaimHardLinkedToAUserFileIsRefused() throws {
        let setup = try Setup()
        let claim = setup.folder.appendingPathComponent("claims/report")
        try FileManager.default.linkItem(at: setup.user.appendingPathComponent("precious.txt"), to: claim)
        let outcome = try setup.run(["report", setup.folder.path])
        #expect(outcome.status == 1 && outcome.stderr.contains("claims/report"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("not a regular file of its own"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()
    }

    @Test func claimsFolderLinkedToAUserFolderIsRefusedByRunAndReport() throws {
        let setup = try Setup()
        try setup.link("claims", to: setup.user)
        for arguments in [["run", setup.config, "--force"], ["report", setup.folder.path]] {
            let outcome = try setup.run(arguments)
            #expect(outcome.status == 1 && !outcome.crashed, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("claims"), "\(outcome.stderr)")
            try setup.expectUserFilesIntact()
        }
    }

    @Test func plotsLinkedToAUserFolderIsRefusedByReport() throws {
        let setup = try Setup()
        try setup.link("plots", to: setup.user)
        let outcome = try setup.run(["report", setup.folder.path])
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("plots is a symbolic link"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()
    }

    @Test func plotDataLinkedToAUserFolderIsRefusedByRun() throws {
        let setup = try Setup()
        try setup.link("plots/data", to: setup.user)
        let outcome = try setup.run(["run", setup.config, "--force"])
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("data is a symbolic link"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()
    }

    @Test func jobsFolderOrJobFolderLinkedIsRefusedAndNotEmptied() throws {
        let setup = try Setup()
        let jobs = setup.folder.appendingPathComponent("jobs")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: jobs.path).first)
        // A job folder replaced by a link: the job is redone, and its reset must not empty the user's folder.
        try setup.link("jobs/\(id)", to: setup.user)
        var outcome = try setup.run(["run", setup.config])
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("jobs/\(id)") && outcome.stderr.contains("is a symbolic link; refusing to follow it"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()

        try setup.link("jobs", to: setup.user)
        outcome = try setup.run(["run", setup.config])
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("/jobs: is a symbolic link"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()
    }

    @Test func resultsRootBehindALinkIsTheUsersChoice() throws {
        let setup = try Setup(run: false)
        let elsewhere = setup.scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: setup.results, withDestinationURL: elsewhere)
        let outcome = try setup.run(["run", setup.config])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("linked/summary.csv").path))
    }

    @Test func reportOnAFolderNamedThroughALinkIsTheUsersChoice() throws {
        let setup = try Setup()
        let alias = setup.scratch.url.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: setup.folder)
        let outcome = try setup.run(["report", alias.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func experimentFolderLinkedIsRefusedByRun() throws {
        let setup = try Setup(run: false)
        try FileManager.default.createDirectory(at: setup.results, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: setup.folder, withDestinationURL: setup.user)
        let outcome = try setup.run(["run", setup.config])
        #expect(outcome.status == 1 && outcome.stderr.contains("/linked: is a symbolic link"), "\(outcome.stderr)")
        try setup.expectUserFilesIntact()
    }
}
