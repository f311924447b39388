import YAML

extension Node {
    /// `overlay` deep-merged over `self`: mappings merge key by key (the overlay wins),
    /// anything else is replaced by the overlay.
    ///
    /// Iterative over keys, recursive over depth only (bounded by the parser's depth limit).
    func merging(_ overlay: Node) -> Node {
        guard var base = mapping, let top = overlay.mapping else { return overlay }
        for pair in top {
            if let i = base.firstIndex(where: { $0.key == pair.key }) {
                base[i].value = base[i].value.merging(pair.value)
                base[i].keyMark = pair.keyMark
            } else {
                base.append(pair)
            }
        }
        return Node(.mapping(base), mark: overlay.mark)
    }

    /// `self` with the value at `path` set to `newValue`, creating mappings along the way.
    ///
    /// Created keys carry `keyMark`, so a key naming no field is reported where it was written.
    func setting(_ path: ArraySlice<String>, to newValue: Node, keyMark: Mark) -> Node {
        guard let key = path.first else { return newValue }
        var entries = mapping ?? []
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = entries[i].value.setting(path.dropFirst(), to: newValue, keyMark: keyMark)
        } else {
            let child = Node(.mapping([]), mark: keyMark).setting(path.dropFirst(), to: newValue, keyMark: keyMark)
            entries.append(Pair(key: key, keyMark: keyMark, value: child))
        }
        return Node(.mapping(entries), mark: mapping == nil ? keyMark : mark)
    }

    /// `self` without the keys at `paths` (missing paths are ignored).
    func removing(_ paths: [[String]]) -> Node {
        guard var entries = mapping else { return self }
        for path in paths where !path.isEmpty {
            guard let i = entries.firstIndex(where: { $0.key == path[0] }) else { continue }
            if path.count == 1 {
                entries.remove(at: i)
            } else {
                entries[i].value = entries[i].value.removing([Array(path.dropFirst())])
            }
        }
        return Node(.mapping(entries), mark: mark)
    }

    /// Whether the mappings along `path` hold its last key.
    func has(_ path: [String]) -> Bool {
        var node = self
        for key in path {
            guard let child = node.mapping?.last(where: { $0.key == key })?.value else { return false }
            node = child
        }
        return true
    }

    /// The mapping restricted to `keys`, in file order.
    func keeping(_ keys: Set<String>) -> Node {
        Node(.mapping((mapping ?? []).filter { keys.contains($0.key) }), mark: mark)
    }
}
