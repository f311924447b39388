/// Bounds that keep hostile or broken files from exhausting the stack or memory.
public struct ParseLimits: Sendable {
    /// The deepest nesting of sequences and mappings allowed (the root collection is level 1).
    public var maxDepth: Int
    /// The most nodes a document may hold after alias expansion (an alias counts its whole subtree).
    public var maxNodes: Int

    public init(maxDepth: Int = 512, maxNodes: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }
}
