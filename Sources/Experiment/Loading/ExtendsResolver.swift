import Foundation
import YAML

/// Reads an experiment file and the files it `extends`, deep-merged into one tree.
///
/// `extends` names a path or a list of paths, relative to the file that names them.
/// Bases merge in list order, then the naming file over them (it wins). Cycles, missing or
/// unreadable files, directories and empty paths are errors at the `extends` entry that names them.
struct ExtendsResolver {
    var limits: ParseLimits

    func resolve(path: String) throws -> Node {
        try load(path: path, displayPath: path, chain: [], namedAt: nil)
    }

    private func load(path: String, displayPath: String, chain: [String], namedAt: (Mark, String)?) throws -> Node {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if let (mark, entryPath) = namedAt {
            if chain.contains(canonical) {
                let cycle = (chain.drop { $0 != canonical } + [canonical])
                    .map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " -> ")
                throw ConfigurationError([Diagnostic(at: mark, path: entryPath, message: "extends cycle: \(cycle)")])
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ConfigurationError([Diagnostic(
                    at: mark, path: entryPath, message: "cannot read '\(displayPath)': no such file")])
            }
            if isDirectory.boolValue {
                throw ConfigurationError([Diagnostic(
                    at: mark, path: entryPath, message: "cannot read '\(displayPath)': is a directory")])
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ConfigurationError([Diagnostic(
                    at: mark, path: entryPath, message: "cannot read '\(displayPath)': permission denied")])
            }
        }
        let root: Node
        do {
            root = try YAMLParser.parse(fileAt: path, displayPath: displayPath, limits: limits)
        } catch let diagnostic as Diagnostic {
            throw ConfigurationError([diagnostic])
        }
        guard let pairs = root.mapping else {
            throw ConfigurationError([Diagnostic(
                at: root.mark, message: "an experiment file is a mapping, found \(root.kindDescription)")])
        }
        guard let extendsPair = pairs.first(where: { $0.key == "extends" }) else { return root }

        let entries: [(Node, String)]
        switch extendsPair.value.value {
        case .sequence(let items):
            entries = items.enumerated().map { ($0.element, "extends[\($0.offset)]") }
        default:
            entries = [(extendsPair.value, "extends")]
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let displayDirectory = (displayPath as NSString).deletingLastPathComponent
        var merged: Node?
        for (entry, entryPath) in entries {
            guard case .string(let relative)? = entry.resolved else {
                throw ConfigurationError([Diagnostic(
                    at: entry.mark, path: entryPath,
                    message: "expected a file path, found \(entry.kindDescription)")])
            }
            // An empty path would name the directory of this file.
            if relative.isEmpty {
                throw ConfigurationError([Diagnostic(
                    at: entry.mark, path: entryPath, message: "empty path: expected a file path")])
            }
            let target = relative.hasPrefix("/") ? relative : directory.appendingPathComponent(relative).path
            let targetDisplay = relative.hasPrefix("/") || displayDirectory.isEmpty
                ? relative : (displayDirectory as NSString).appendingPathComponent(relative)
            let base = try load(
                path: target, displayPath: targetDisplay, chain: chain + [canonical],
                namedAt: (entry.mark, entryPath))
            merged = merged.map { $0.merging(base) } ?? base
        }
        let own = Node(.mapping(pairs.filter { $0.key != "extends" }), mark: root.mark)
        return merged.map { $0.merging(own) } ?? own
    }
}
