#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GymnasiumBridge
import PolicyGradient
import Results

/// `runner export --format sb3`: a saved policy as a Stable-Baselines3 model that `PPO.load` or
/// `A2C.load` reads, and its observation statistics as a `VecNormalize` pickle.
///
/// SB3's zip holds cloudpickled spaces and a `torch.save`d state_dict, which only Python writes
/// faithfully: the configured Python runs `sb3_export.py` (compiled in) on a spec of the model
/// (`SB3ExportSpec`), into temporary names beside the outputs that are renamed into place once
/// both are written (docs/policy-format.md, "Exporting to Stable-Baselines3").
package struct SB3Export {
    /// A job's folder or its `policy.json`.
    package var policyPath: String
    /// The model's path; it must end in `.zip` (SB3 would add the suffix otherwise).
    package var output: String
    /// The `VecNormalize` pickle's path; nil: `vecnormalize.pkl` beside the model, as rl-zoo3 names it.
    package var vecNormalize: String?
    /// The Python to run (nil: `RUNNER_PYTHON`, else `python3` on `PATH`).
    package var python: String?

    package init(policyPath: String, output: String, vecNormalize: String? = nil, python: String? = nil) {
        self.policyPath = policyPath
        self.output = output
        self.vecNormalize = vecNormalize
        self.python = python
    }

    /// What was written.
    package struct Written: Sendable, Equatable {
        /// `PPO` or `A2C`.
        package var algorithm: String
        package var model: String
        /// The statistics' pickle, when the job normalized observations.
        package var vecNormalize: String?
    }

    /// Writes the model (and the statistics). Throws `PolicyExportError`.
    package func write() throws(PolicyExportError) -> Written {
        guard output.hasSuffix(".zip") else {
            throw .unreadable("--output must end in .zip (Stable-Baselines3 adds the suffix to any other name)")
        }
        let job: JobPolicy
        do {
            job = try JobPolicy.load(policyPath)
        } catch {
            throw .unreadable(error.description)
        }
        let outputURL = URL(fileURLWithPath: output)
        let folder = outputURL.deletingLastPathComponent()
        let statisticsPath = vecNormalize ?? folder.appendingPathComponent("vecnormalize.pkl").path
        // Temporary names in the destination folders, so the renames cannot cross file systems.
        let stamp = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let partialModel = folder.appendingPathComponent(".\(outputURL.lastPathComponent).\(stamp).zip").path
        let statisticsURL = URL(fileURLWithPath: statisticsPath)
        let partialStatistics = statisticsURL.deletingLastPathComponent()
            .appendingPathComponent(".\(statisticsURL.lastPathComponent).\(stamp).pkl").path
        let spec = try SB3ExportSpec(
            job.saved, settings: job.settings, output: partialModel, vecNormalize: partialStatistics)
        let interpreter: String
        do {
            interpreter = try PythonInterpreter.resolve(explicit: python)
        } catch {
            throw .pythonUnavailable("no Python to build the model with: \(error.description)")
        }
        let specURL = FileManager.default.temporaryDirectory.appendingPathComponent("runner-sb3-export-\(stamp).json")
        defer {
            for path in [specURL.path, partialModel, partialStatistics] { unlink(path) }
        }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(spec).write(to: specURL)
        } catch {
            throw .failed("cannot write \(specURL.path): \(error.localizedDescription)")
        }
        let source = String(decoding: PackageResources.sb3_export_py, as: UTF8.self)
        let outcome: ChildProcessOutcome
        do {
            outcome = try ChildProcess(
                executable: URL(fileURLWithPath: interpreter), arguments: ["-c", source, specURL.path]
            ).run()
        } catch {
            throw .pythonUnavailable("cannot run \(interpreter): \(error)")
        }
        let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        switch outcome.termination {
        case .exited(0): break
        case .exited(3):
            throw .pythonUnavailable(
                "\(said)\n(the export needs stable-baselines3 and torch: tools/python/setup-venv.sh installs them; "
                    + "choose the Python with --python or RUNNER_PYTHON)")
        default:
            throw .failed("\(interpreter) could not build the model (\(outcome.termination)):\n\(said)")
        }
        try Self.move(partialModel, to: output)
        if spec.vecNormalize != nil { try Self.move(partialStatistics, to: statisticsPath) }
        return Written(algorithm: spec.algorithm, model: output, vecNormalize: spec.vecNormalize == nil ? nil : statisticsPath)
    }

    private static func move(_ from: String, to destination: String) throws(PolicyExportError) {
        guard rename(from, destination) == 0 else {
            throw .failed("cannot write \(destination): \(String(cString: strerror(errno)))")
        }
    }
}
