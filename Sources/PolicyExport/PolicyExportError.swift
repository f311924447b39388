/// Why a policy was not exported, with the exit status `runner export` ends with.
package enum PolicyExportError: Error, CustomStringConvertible, Equatable {
    /// The policy or its job's configuration cannot be read (exit 64, as a path that names no policy).
    case unreadable(String)
    /// The policy exists but the target format cannot express it (exit 65).
    case notExpressible(String)
    /// No Python, or one without Stable-Baselines3, PyTorch or Gymnasium (exit 69).
    case pythonUnavailable(String)
    /// Python ran and failed, or the files could not be written (exit 1).
    case failed(String)

    package var description: String {
        switch self {
        case .unreadable(let why), .pythonUnavailable(let why), .failed(let why): why
        case .notExpressible(let why): "cannot export to Stable-Baselines3: \(why)"
        }
    }
}
