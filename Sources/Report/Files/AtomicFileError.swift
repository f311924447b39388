/// Why an atomic write failed.
public enum AtomicFileError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(String)
    case cannotRename(from: String, to: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): "cannot create \(path)"
        case .cannotRename(let from, let to, let reason): "cannot rename \(from) to \(to): \(reason)"
        }
    }
}
