import Foundation

/// Makes a write beyond the process's file-size limit (`ulimit -f`) fail with EFBIG, which is
/// reported with the file's name, instead of killing the process with SIGXFSZ.
package enum FileSizeLimit {
    private static let ignored: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()

    /// Turns SIGXFSZ off for the process (once; later calls do nothing).
    package static func reportAsError() { ignored }
}
