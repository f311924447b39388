/// Why a report could not be built from a results folder.
package enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A file exists but cannot be read as expected.
    case unreadable(path: String, reason: String)
    /// A reference file named by `regression.reference` does not exist.
    case referenceNotFound(path: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .referenceNotFound(let path):
            "reference file \(path) not found (write it with --update-reference)"
        }
    }
}
