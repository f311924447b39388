import Foundation
import Testing

/// The experiment files in Fixtures, which the tests run, edit and append to.
///
/// All but one are tabular REINFORCE on a two-armed bandit, quick to run:
/// - `tiny.yaml`: two seeds of 100 steps.
/// - `one-update.yaml`: two seeds of a single four-step update.
/// - `overridden.yaml`, `linked.yaml`: Adam, four episodes per update; two seeds of 200 steps,
///   and one of 400 with noisy rewards.
/// - `e2e.yaml`: two baselines by three seeds of 4,000 steps, with diagnostics and a regression bound.
/// - `resumable.yaml`: one job of 400,000 steps that saves a checkpoint every 2,000.
///
/// `tensorboard.yaml` is A2C on CartPole: two cells by two seeds of 2,000 steps, with diagnostics.
enum ExperimentFixture {
    /// The text of `Fixtures/<name>.yaml`, each `(old, new)` of `replacing` replaced once.
    ///
    /// A file that cannot be read, or an `old` that does not occur exactly once, is a failure
    /// of the calling test (its text then stays as it was), never a silently unchanged text.
    static func text(_ name: String, replacing: [(old: String, new: String)] = []) -> String {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            var text = try? String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        else {
            Issue.record("no fixture Fixtures/\(name).yaml")
            return ""
        }
        for (old, new) in replacing {
            let count = text.components(separatedBy: old).count - 1
            guard count == 1 else {
                Issue.record("Fixtures/\(name).yaml holds '\(old)' \(count) times, not once")
                continue
            }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }
}
