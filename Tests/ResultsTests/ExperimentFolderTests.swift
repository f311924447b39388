import Foundation
import Results
import Testing
import TestSupport

/// The layout of an experiment folder, the check that a folder is one, and one job per id.
struct ExperimentFolderTests {
    @Test func spellsEveryPathUnderTheExperimentFolder() {
        let folder = ExperimentFolder(root: URL(fileURLWithPath: "/r"), experiment: "e")
        #expect(folder.directory.path == "/r/e")
        #expect(folder.experimentFile.path == "/r/e/experiment.yaml")
        #expect(folder.manifest.path == "/r/e/manifest.json")
        #expect(folder.shardManifest(index: 1, count: 4).path == "/r/e/shards/1-of-4.json")
        #expect(folder.claims.path == "/r/e/claims")
        #expect(folder.jobs.path == "/r/e/jobs")
        #expect(folder.job("abc").result.path == "/r/e/jobs/abc/result.json")
        #expect(folder.job("abc") == JobFiles(root: folder.directory, jobId: "abc"))
        #expect(folder.slurmSubmissions.path == "/r/e/slurm/submissions.json")
    }

    @Test func aFolderWithoutExperimentFileIsNotAResultsFolder() throws {
        let scratch = TemporaryFolder()
        let folder = ExperimentFolder(directory: scratch.url)
        #expect(throws: NotAResultsFolder(path: scratch.url.path)) { try folder.savedExperiment() }
        #expect(NotAResultsFolder(path: "/x").description == "/x holds no experiment.yaml: not a results folder")
        scratch.write("experiment.yaml", "experiment: e\n")
        #expect(try folder.savedExperiment() == folder.experimentFile)
    }

    @Test func anExperimentFileThatIsNotARegularFileIsRefused() throws {
        let scratch = TemporaryFolder()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("experiment.yaml"), withIntermediateDirectories: true)
        #expect(throws: FileSystemError.self) { try ExperimentFolder(directory: scratch.url).savedExperiment() }
    }

    @Test func distinctKeepsTheFirstOfEachIdInOrder() {
        let jobs = [("b", 0), ("a", 1), ("b", 2), ("c", 3), ("a", 4)]
        #expect(ExperimentFolder.distinct(jobs, id: \.0).map(\.1) == [0, 1, 3])
    }
}
