import Foundation

/// The name of a temporary file, `.<name>.<pid>.<counter>.tmp`, which tells which process wrote it.
package enum TemporaryName {
    /// A fresh hidden name for a temporary that will replace the file `name`.
    package static func fresh(for name: String) -> String {
        ".\(name).\(getpid()).\(TemporaryCounter.shared.next()).tmp"
    }

    /// The pid of the process that wrote the temporary `name`, or nil when `name` is not a
    /// temporary's name. Also reads the older `.<name>.<pid>-<counter>.tmp` form.
    package static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last else { return nil }
        if let dash = last.firstIndex(of: "-") {
            let pid = last[..<dash], counter = last[last.index(after: dash)...]
            guard Self.isNumber(counter) else { return nil }
            return Self.isNumber(pid) ? pid_t(pid) : nil
        }
        guard parts.count >= 4, Self.isNumber(last), Self.isNumber(parts[parts.count - 2]) else { return nil }
        return pid_t(parts[parts.count - 2])
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 10 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
