import Experiment
import Foundation
import Results
import Testing

@testable import Sweep

/// A checkpoint is believed only under its own seal: the job, its configuration, and the size
/// and SHA-256 of the state that follows.
@Suite struct CheckpointSealTests {
    /// A sealed checkpoint of job `a1` from a short real run.
    func sealed() throws -> (data: Data, config: String) {
        let scratch = Scratch()
        let plan = try scratch.plan(CheckpointResumeTests.config)
        let root = scratch.root("r")
        _ = try CheckpointResumeTests().run(plan, root, stopAtCheckpoint: true)
        let folder = JobFiles(root: root.appendingPathComponent(plan.name), jobId: plan.jobs[0].id)
        let checkpoint = try JobCheckpoint.load(Data(contentsOf: folder.checkpoint))
        let config = try String(contentsOf: folder.config, encoding: .utf8)
        return (try checkpoint.data(jobId: "a1", configText: config), config)
    }

    func rejection(_ data: Data, jobId: String = "a1", config: String) -> String? {
        do {
            _ = try JobCheckpoint.load(data, jobId: jobId, configText: config)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func itsOwnSealIsAccepted() throws {
        let (data, config) = try sealed()
        #expect(rejection(data, config: config) == nil)
    }

    @Test func anotherJobOrConfigurationIsRejected() throws {
        let (data, config) = try sealed()
        #expect(rejection(data, jobId: "b2", config: config) == "it belongs to job a1")
        #expect(rejection(data, config: config + "# edited\n")
            == "it was saved for another configuration than this job's config.yaml")
    }

    @Test func everyChangedByteOfTheStateIsCaught() throws {
        let (data, config) = try sealed()
        let state = data.firstIndex(of: 0x0A)! + 1
        // Same size, one byte changed, at several places of the state.
        for offset in stride(from: state, to: data.count, by: max(1, (data.count - state) / 7)) {
            var edited = data
            edited[offset] = edited[offset] == 0x30 ? 0x31 : 0x30
            #expect(rejection(edited, config: config)
                == "its training state's SHA-256 differs from its seal's: it was changed after it was written")
        }
        #expect(rejection(data.dropLast(10), config: config)?.contains("bytes where its seal records") == true)
        #expect(rejection(data[state...], config: config)?.hasPrefix("it has no seal") == true)
    }

    /// Even under a seal that matches, the state must hold what this runner writes: variance
    /// lines that parse and print back the same, and no row past the checkpoint's step.
    @Test func rowsThisRunnerDoesNotWriteAreRejectedUnderAMatchingSeal() throws {
        let (data, config) = try sealed()
        let state = String(decoding: data[(data.firstIndex(of: 0x0A)! + 1)...], as: UTF8.self)
        func resealed(_ edit: (String) -> String) throws -> Data {
            try CheckpointResumeTests.sealed(edit(state), jobId: "a1", configText: config)
        }
        let garbage = try resealed { $0.replacingOccurrences(of: "\"variance_rows\":\"", with: "\"variance_rows\":\"x,\\\"y\\n") }
        #expect(rejection(garbage, config: config)?.hasPrefix("its variance rows do not parse") == true, "\(rejection(garbage, config: config) ?? "")")
        let reformatted = try resealed {
            $0.replacingOccurrences(of: "\"variance_rows\":\"", with: "\"variance_rows\":\"0,none,4,1.0e0,1,1,,,,,,,,,,,,,,,\\n")
        }
        #expect(rejection(reformatted, config: config) == "its variance rows are not the ones this runner writes")
        let late = try resealed { $0.replacingOccurrences(of: "\"variance_rows\":\"", with: "\"variance_rows\":\"999999,none,4,1,1,1,,,,,,,,,,,,,,,\\n") }
        #expect(rejection(late, config: config) == "its variance rows are not the ones this runner writes")
    }
}
