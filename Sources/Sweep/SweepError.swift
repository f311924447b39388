import Foundation
import Results

/// Why a sweep could not start or could not write its results.
package enum SweepError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A live runner (another process, or another runner in this one) holds the report claim.
    case locked(directory: String, owner: String?)
    /// Jobs of the folder are claimed by live runners, so a report would leave them out.
    case jobsClaimed(directory: String, count: Int, owner: String?)
    /// An `--only` filter is not of the form `KEY=VALUE`.
    case malformedFilter(String)
    /// An `--only` key is not swept by the experiment.
    case unknownFilterKey(key: String, sweptKeys: [String])
    /// An `--only` value is not one of the key's swept values.
    case unknownFilterValue(key: String, value: String, values: [String])
    /// `jobs` is below 1.
    case invalidWorkerCount(Int)
    /// A file operation on the results folder failed.
    case io(path: String, message: String)
    /// The system refused the threads that the claims' heartbeat timer and the signal
    /// handlers need (`DispatchHeadroom`).
    case threadsRefused(reason: String)
    /// The results folder holds another resolved experiment than the one to run
    /// (`FolderAdmission`): the settings that differ, in file order.
    case otherExperiment(directory: String, differences: [Difference])

    /// One setting by which two resolved experiments differ.
    package struct Difference: Sendable, Equatable {
        /// Its dotted path, such as `training.steps`.
        package var path: String
        /// Its canonical text in the folder's experiment and in the one to run (`absent`
        /// where there is none).
        package var old: String
        package var new: String
    }

    /// The most differences `otherExperiment` lists.
    static let listedDifferences = 10

    package var description: String { description(offeringNewRun: true) }

    /// The message; `offeringNewRun` false for the commands that have no `--new-run`
    /// (`submit slurm`), whose way out of `otherExperiment` is `--results` alone.
    package func description(offeringNewRun: Bool) -> String {
        switch self {
        case .locked(let directory, let owner):
            return "another runner is writing the report of \(directory)" + (owner.map { " (\($0))" } ?? "")
        case .jobsClaimed(let directory, let count, let owner):
            return "\(count) job\(count == 1 ? " is" : "s are") still being run in \(directory)"
                + (owner.map { " (\($0)\(count == 1 ? "" : ", among others"))" } ?? "")
        case .malformedFilter(let text):
            return "--only expects KEY=VALUE, got '\(text)'"
        case .unknownFilterKey(let key, let swept):
            let list = swept.isEmpty ? "the experiment sweeps no key" : "swept keys: \(swept.joined(separator: ", "))"
            return "--only: '\(key)' is neither a swept key nor a setting of the experiment (\(list))"
        case .unknownFilterValue(let key, let value, let values):
            return "--only: '\(key)' takes no value '\(value)' (values: \(values.joined(separator: ", ")))"
        case .invalidWorkerCount(let n):
            return "the number of workers must be at least 1, got \(n)"
        case .io(let path, let message):
            return "\(path): \(message)"
        case .threadsRefused(let reason):
            return "the system refused the threads for the claims' heartbeat and the signal handlers (\(reason)):"
                + " too little memory to run (ulimit -v)"
        case .otherExperiment(let directory, let differences):
            var lines = ["\(directory) holds the results of another experiment; its experiment.yaml differs in:"]
            for difference in differences.prefix(Self.listedDifferences) {
                lines.append("  \(difference.path): \(difference.old) → \(difference.new)")
            }
            if differences.count > Self.listedDifferences {
                lines.append("  … and \(differences.count - Self.listedDifferences) more")
            }
            lines.append("a folder holds one experiment (only a larger training.steps continues it);"
                + " write elsewhere with --results OTHER" + (offeringNewRun ? ", or with --new-run into the next free <name>-N folder" : ""))
            return lines.joined(separator: "\n")
        }
    }

    package var errorDescription: String? { description }
}

extension SweepError {
    /// A file-system failure as a sweep error, keeping its path and reason.
    static func io(_ error: FileSystemError) -> SweepError {
        switch error {
        case .symbolicLink(let path): .io(path: path, message: "is a symbolic link; refusing to follow it")
        case .failed(let path, let action, let errno): .io(path: path, message: "cannot \(action): \(errno.description)")
        case .notRegularFile(let path, let kind): .io(path: path, message: "cannot read: it is \(kind), not a regular file")
        }
    }

    /// Runs `body`, turning a `FileSystemError` into a sweep error.
    @discardableResult
    static func mappingFileErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FileSystemError {
            throw SweepError.io(error)
        }
    }
}
