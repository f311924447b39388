import Results
import Foundation
import PolicyGradient
import Terminal

/// The text of progress output: the live bar and the per-job lines.
enum ProgressFormat {
    /// `[=====>    ] 12/40 jobs, 2 running, 812k steps/s, ETA 1m05s`
    static func bar(done: Int, total: Int, running: Int, stepsPerSecond: Double, eta: Double?, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        var cells = String(repeating: "=", count: filled)
        if filled < width {
            cells += ">" + String(repeating: " ", count: width - filled - 1)
        }
        let etaText = eta.map(duration) ?? "--"
        return "[\(cells)] \(done)/\(total) jobs, \(running) running, \(rate(stepsPerSecond)) steps/s, ETA \(etaText)"
    }

    /// `[12/40] <job_id> <cell> seed=3 completed final_return=487.2 (3.1 s)`
    ///
    /// The cell label and the error come from the experiment file: their control characters
    /// are escaped.
    static func line(
        done: Int, total: Int, jobId: String, cell: String, seed: Int, result: JobResult
    ) -> String {
        var text = "[\(done)/\(total)] \(jobId) \(TerminalText.escaped(cell)) seed=\(seed) \(result.status.rawValue)"
        switch result.status {
        case .completed:
            text += " final_return=" + (result.finalReturn.map { String(format: "%.1f", $0) } ?? "nan")
        case .diverged, .failed, .interrupted:
            text += " at step \(result.steps)"
            if let error = result.error { text += ": " + oneLine(error) }
        }
        return text + " (" + String(format: "%.1f", result.seconds) + " s)"
    }

    /// A rate with a k/M/G suffix: `812k`, `1.2M`, `35`.
    static func rate(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return "0" }
        switch x {
        case ..<1_000: return String(Int(x.rounded()))
        case ..<10_000: return String(format: "%.1fk", x / 1e3)
        case ..<1_000_000: return "\(Int((x / 1e3).rounded()))k"
        case ..<1_000_000_000: return String(format: "%.1fM", x / 1e6)
        default: return String(format: "%.1fG", x / 1e9)
        }
    }

    /// `45s`, `1m05s`, `2h03m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + pad(s % 60) + "s" }
        return "\(s / 3600)h" + pad(s % 3600 / 60) + "m"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func oneLine(_ text: String) -> String {
        TerminalText.escaped(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}
