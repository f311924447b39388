import Experiment
import Foundation
import PolicyGradient
import TestSupport
import Testing

@testable import Sweep

/// A temporary folder, removed when the value is released.
final class Scratch: @unchecked Sendable {
    private let folder = TemporaryFolder()

    var directory: URL { folder.url }

    /// Loads an experiment written into the folder.
    func plan(_ text: String) throws -> ExperimentPlan {
        let url = directory.appendingPathComponent("experiment-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try ExperimentLoader().load(path: url.path)
    }

    /// A fresh results root inside the folder.
    func root(_ name: String) -> URL {
        directory.appendingPathComponent(name, isDirectory: true)
    }
}

/// An experiment of `cells` × `seeds` jobs: a grid over the baseline and the entropy bonus.
func experiment(seeds: Int = 2, grid: Bool = true) -> String {
    var text = """
        experiment: toy
        environment:
          id: CartPole-v1
        estimator:
          name: a2c
        training:
          steps: 1000
        seeds: \(seeds)

        """
    if grid {
        text += """
            grid:
              baseline: [none, value]
              entropy_coef: [0.0, 0.01]

            """
    }
    return text
}

func options(_ root: URL, jobs: Int = 2, force: Bool = false, only: [String] = []) -> SweepOptions {
    SweepOptions(jobs: jobs, force: force, only: only, progress: .none, resultsRoot: root)
}

struct FakeFailure: Error, CustomStringConvertible {
    var description: String { "boom: the fake trainer failed" }
}

/// A deterministic stand-in for the trainer: pseudo-curves drawn from a generator seeded
/// by the job's canonical config, with knobs to diverge, throw, or block until stopped.
final class FakeTrainer: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String] = []
    private var started = 0

    var rows = 12
    /// Jobs (by id) that produce a NaN at row 5 and report `diverged`.
    var diverging: Set<String> = []
    /// Jobs (by id) that throw at row 3.
    var throwing: Set<String> = []
    /// Jobs (by id) that wait for the stop request after their first row.
    var blocking: Set<String> = []
    /// Requests a stop on this flag once `stopAfterStarts` jobs have started.
    var stopFlag: StopFlag?
    var stopAfterStarts = Int.max
    /// Called once per job when it starts, before any row.
    var onStart: (@Sendable (ExperimentPlan.Job) -> Void)?
    var microsecondsPerRow: UInt32 = 0

    /// The ids of the jobs run, in start order.
    var calledIds: [String] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }

    var body: JobBody {
        { job, sink in try self.train(job, sink) }
    }

    func train(_ job: ExperimentPlan.Job, _ sink: any TrainingSink) throws -> TrainingOutcome {
        lock.lock()
        calls.append(job.id)
        started += 1
        let shouldRequestStop = started == stopAfterStarts
        lock.unlock()
        onStart?(job)
        if shouldRequestStop { stopFlag?.requestStop() }

        let digest = SHA256.digest(Array(job.canonical.utf8))
        let seed = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var rng = RandomGenerator(seed: seed, stream: .evaluation)
        var level = 0.0
        for i in 1...rows {
            let step = 100 * i
            if sink.shouldStop {
                return TrainingOutcome(status: .interrupted, finalReturn: .nan, steps: step - 100)
            }
            if throwing.contains(job.id) && i == 3 { throw FakeFailure() }
            level += 10 * rng.uniform()
            var row = CurveRow(
                step: step, episodes: 3 * i, evalReturnMean: level, evalReturnStd: rng.uniform(),
                trainReturn: i == 1 ? .nan : level - rng.uniform(), entropy: 0.69 / Double(i),
                policyLoss: rng.normal(), valueLoss: rng.normal())
            if diverging.contains(job.id) && i == 5 {
                row.policyLoss = .nan
                sink.record(Self.update(of: row, number: i))
                sink.record(row)
                return TrainingOutcome(status: .diverged, finalReturn: .nan, steps: step, error: "NaN in the policy loss")
            }
            sink.record(Self.update(of: row, number: i))
            sink.record(row)
            if i % 4 == 0 {
                for baseline in ["none", "value"] {
                    sink.record(VarianceRow(
                        step: step, baseline: baseline, samples: 8, gradNorm: rng.uniform(),
                        variance: rng.uniform(), snr: rng.uniform()))
                }
            }
            if blocking.contains(job.id) {
                // Bounded (about five minutes), so that a lost stop request fails the test instead of
                // hanging it, while a slow machine still has ample time to deliver one.
                var waited = 0
                while !sink.shouldStop && waited < 300_000 {
                    usleep(1000)
                    waited += 1
                }
            }
            if microsecondsPerRow > 0 { usleep(microsecondsPerRow) }
        }
        return TrainingOutcome(status: .completed, finalReturn: level, steps: 100 * rows)
    }

    /// An update row carrying `row`'s training figures, as a trainer records one before its curve row.
    static func update(of row: CurveRow, number: Int) -> UpdateStatistics {
        var update = UpdateStatistics()
        update.step = row.step
        update.updates = number
        update.entropyLoss = -row.entropy
        update.policyGradientLoss = row.policyLoss
        update.valueLoss = row.valueLoss
        update.episodeReturnMean = row.trainReturn
        return update
    }
}

/// Every file under `root` (relative path → bytes), wall-clock fields removed from
/// `result.json` and `manifest.json`, the lock file and the TensorBoard event files (wall-clock
/// times throughout) left out.
func snapshot(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
    for case let relative as String in walker {
        let path = base + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            !relative.hasSuffix(".lock"), !relative.contains("tfevents")
        else { continue }
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let name = (relative as NSString).lastPathComponent
        if name == "result.json" || name == "manifest.json" {
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in ["seconds", "steps_per_second", "started", "finished"] { object.removeValue(forKey: key) }
            data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        files[relative] = data
    }
    return files
}

/// Inode and modification date of every file of a job folder.
func identity(of folder: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
        let inode = attributes[.systemFileNumber].map { "\($0)" } ?? "?"
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        result[name] = "\(inode)@\(date)"
    }
    return result
}

func jobFolder(_ root: URL, _ plan: ExperimentPlan, _ id: String) -> URL {
    root.appendingPathComponent(plan.name).appendingPathComponent("jobs").appendingPathComponent(id)
}
