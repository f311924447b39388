import Results

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
