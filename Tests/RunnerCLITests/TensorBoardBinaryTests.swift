import Foundation
import PolicyGradient
import Results
import TestSupport
import Testing

/// Every job's TensorBoard event file, read back by TensorBoard's own `EventAccumulator`
/// (tools/tensorboard/read_events.py) after a small sweep through the built binary: the tags
/// docs/tensorboard.md lists, with the values of the job's CSV rows, and the hparams plugin's
/// start and end of each run.
///
/// TensorBoard stores each value as a float32, so a value equals its CSV number rounded to
/// the nearest float32 (`Float(x)`), exactly.
@Suite(.serialized, .enabled(if: GymnasiumPython.shouldRunTensorBoard, "needs Python with tensorboard"))
struct TensorBoardBinaryTests {
    /// A2C on CartPole, two cells (entropy_coef) x two seeds, with gradient-variance diagnostics.
    static let experiment = ExperimentFixture.text("tensorboard")

    /// What read_events.py prints for one event file.
    struct EventFile: Decodable {
        var file_version: Double
        /// tag → [[step, value as repr text]].
        var scalars: [String: [[StepOrValue]]]
        var hparams: [String: HParams]
    }

    /// An element of a [step, value] pair: a step number or a value's text.
    enum StepOrValue: Decodable, Equatable {
        case step(Int)
        case value(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let step = try? container.decode(Int.self) { self = .step(step) } else { self = .value(try container.decode(String.self)) }
        }
    }

    struct HParams: Decodable {
        struct Start: Decodable {
            var hparams: [String: Double]?
            var group_name: String?
            var start_time_secs: Double?
        }
        struct End: Decodable {
            var status: String?
            var end_time_secs: Double?
        }
        var session_start_info: Start?
        var session_end_info: End?
    }

    /// The series of `tag` in `file` as (step, float32 value) pairs.
    static func series(_ file: EventFile, _ tag: String) -> [(step: Int, value: Float)] {
        (file.scalars[tag] ?? []).compactMap { pair in
            guard pair.count == 2, case .step(let step) = pair[0], case .value(let text) = pair[1],
                let value = Double(text) else { return nil }
            return (step, Float(value))
        }
    }

    /// `rows` mapped to (step, figure rounded to float32), NaN figures left out as the writer does.
    static func expected<Row>(_ rows: [Row], step: (Row) -> Int, _ figure: (Row) -> Double) -> [(step: Int, value: Float)] {
        rows.filter { !figure($0).isNaN }.map { (step($0), Float(figure($0))) }
    }

    static func same(_ a: [(step: Int, value: Float)], _ b: [(step: Int, value: Float)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.step == $1.step && $0.value == $1.value }
    }

    /// `files` read by read_events.py, by path.
    static func read(_ files: [String]) throws -> [String: EventFile] {
        let reader = BinaryRunner.repositoryRoot.appendingPathComponent("tools/tensorboard/read_events.py").path
        let read = try #require(GymnasiumPython.run([reader] + files))
        try #require(read.status == 0, "read_events.py failed")
        return try JSONDecoder().decode([String: EventFile].self, from: Data(read.output.utf8))
    }

    /// A job killed with SIGKILL after its first checkpoint and run again rewrites its one
    /// event file: TensorBoard reads the series of an uninterrupted run, the rate aside.
    @Test func aResumedJobRewritesItsFileWithEveryRow() throws {
        guard GymnasiumPython.check(GymnasiumPython.tensorBoardUnavailability) else { return }
        let setup = CheckpointBinaryTests.Setup()
        let (process, job) = try setup.startUntilCheckpoint("killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(!FileManager.default.fileExists(atPath: job.appendingPathComponent("result.json").path))
        #expect(try setup.run("killed").status == 0)
        #expect(try setup.result(job)["restarts"] as? Int == 1)
        #expect(try setup.run("whole").status == 0)
        let whole = setup.folder("whole").appendingPathComponent("jobs/\(job.lastPathComponent)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: job.path).filter { $0.contains("tfevents") }
            == ["events.out.tfevents.0.runner"])

        let paths = [job, whole].map { $0.appendingPathComponent("events.out.tfevents.0.runner").path }
        let files = try Self.read(paths)
        let resumed = try #require(files[paths[0]]), uninterrupted = try #require(files[paths[1]])
        let tags = Set(uninterrupted.scalars.keys).subtracting(["time/fps"])
        #expect(tags.contains("eval/mean_reward") && tags.contains("gradient/variance/mean"))
        #expect(Set(resumed.scalars.keys).subtracting(["time/fps"]) == tags)
        for tag in tags {
            #expect(Self.same(Self.series(resumed, tag), Self.series(uninterrupted, tag)), "\(tag)")
        }
        #expect(resumed.hparams["_hparams_/session_end_info"]?.session_end_info?.status == "STATUS_SUCCESS")
    }

    @Test func everyJobsEventFileHoldsItsRowsAndItsHParams() throws {
        guard GymnasiumPython.check(GymnasiumPython.tensorBoardUnavailability) else { return }
        let dir = TemporaryFolder()
        let config = dir.write("tensorboard.yaml", Self.experiment)
        let results = dir.url.appendingPathComponent("r")
        let run = try BinaryRunner.run(["run", config, "--results", results.path, "--no-progress", "--no-report"])
        try #require(run.status == 0, "\(run.stderr)")

        let jobs = results.appendingPathComponent("tensorboard/jobs")
        let ids = try FileManager.default.contentsOfDirectory(atPath: jobs.path).sorted()
        try #require(ids.count == 4)
        let files = ids.map { jobs.appendingPathComponent("\($0)/events.out.tfevents.0.runner").path }
        let decoded = try Self.read(files)

        var groups: Set<String> = []
        for (id, path) in zip(ids, files) {
            let file = try #require(decoded[path], "\(id): not read")
            let folder = jobs.appendingPathComponent(id)
            let curve = try CurveRow.rows(in: CSVTable(parsing: String(contentsOf: folder.appendingPathComponent("curve.csv"), encoding: .utf8)))
            let variance = try VarianceRow.rows(in: CSVTable(parsing: String(contentsOf: folder.appendingPathComponent("variance.csv"), encoding: .utf8)))
            try #require(curve.count == 5 && !variance.isEmpty)
            #expect(file.file_version == 2)

            let curveTags: [(String, (CurveRow) -> Double)] = [
                ("eval/mean_reward", \.evalReturnMean), ("eval/std_reward", \.evalReturnStd),
            ]
            for (tag, figure) in curveTags {
                let want = Self.expected(curve, step: \.step, figure)
                #expect(!want.isEmpty, "\(id) \(tag): the CSV has no value")
                #expect(Self.same(Self.series(file, tag), want), "\(id) \(tag): \(Self.series(file, tag)) vs \(want)")
            }
            let updates = try UpdateStatistics.rows(
                in: CSVTable(parsing: String(contentsOf: folder.appendingPathComponent("updates.csv"), encoding: .utf8)))
            try #require(!updates.isEmpty)
            let updateTags: [(String, (UpdateStatistics) -> Double)] = [
                ("train/n_updates", { Double($0.updates) }), ("train/learning_rate", \.learningRate),
                ("train/entropy_loss", \.entropyLoss), ("train/policy_gradient_loss", \.policyGradientLoss),
                ("train/value_loss", \.valueLoss), ("train/loss", \.loss),
                ("train/explained_variance", \.explainedVariance), ("train/grad_norm", \.gradNorm),
                ("rollout/ep_rew_mean", \.episodeReturnMean), ("rollout/ep_len_mean", \.episodeLengthMean),
            ]
            for (tag, figure) in updateTags {
                let want = Self.expected(updates, step: \.step, figure)
                #expect(!want.isEmpty, "\(id) \(tag): updates.csv has no value")
                #expect(Self.same(Self.series(file, tag), want), "\(id) \(tag): \(Self.series(file, tag).count) vs \(want.count) points")
            }
            // A2C has no clipping, no KL and (CartPole) no Gaussian head: those tags are absent.
            for tag in ["train/approx_kl", "train/clip_fraction", "train/clip_range", "train/std", "train/stopped_epoch"] {
                #expect(file.scalars[tag] == nil, "\(id) \(tag)")
            }
            for baseline in ["none", "value"] {
                let rows = variance.filter { $0.baseline == baseline }
                #expect(rows.count == 3, "\(id): measurements at 0, 1000 and 2000")
                for (figure, value) in [("variance", \VarianceRow.variance), ("snr", \.snr), ("grad_norm", \.gradNorm)] {
                    let tag = "gradient/\(figure)/\(baseline)"
                    #expect(Self.same(Self.series(file, tag), Self.expected(rows, step: \.step, { $0[keyPath: value] })), "\(id) \(tag)")
                }
            }
            let rate = Self.series(file, "time/fps")
            #expect(rate.map(\.step) == curve.map(\.step).filter { $0 > 0 } && rate.allSatisfy { $0.value > 0 })

            let start = try #require(file.hparams["_hparams_/session_start_info"]?.session_start_info)
            let entropyCoefficient = try #require(start.hparams?["entropy_coef"])
            #expect([0.0, 0.01].contains(entropyCoefficient) && start.hparams?.count == 1)
            #expect(start.group_name == "entropy_coef=\(entropyCoefficient == 0 ? "0.0" : "0.01")")
            groups.insert(start.group_name ?? "")
            let end = try #require(file.hparams["_hparams_/session_end_info"]?.session_end_info)
            #expect(end.status == "STATUS_SUCCESS")
            #expect((end.end_time_secs ?? 0) >= (start.start_time_secs ?? .infinity))
        }
        #expect(groups.count == 2, "two cells, two seeds each")
    }
}
