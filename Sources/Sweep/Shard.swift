/// One of `count` disjoint parts of a sweep, `--shard index/count`, so that several runners
/// (array tasks, machines sharing a folder, a shell loop) share its jobs without talking.
///
/// The selected jobs, one per id, are sorted by id and job k of that order belongs to shard
/// k mod count. The share depends only on the configuration and the selection, not on which
/// jobs have finished: shards started at different times never miss a job nor run one twice.
/// Job ids are hashes, so each shard gets a well-mixed sample of the cells. With `rule`
/// `.cost` (`--shard-by cost`, what cluster tasks run) the shares are instead balanced by the
/// jobs' estimated cost (`BalancedShares`), still a function of the configuration alone.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// How the selected jobs are shared among the shards.
    package enum Rule: String, Sendable, CaseIterable {
        /// Job k of the id-sorted list belongs to shard k mod count.
        case position
        /// Longest-processing-time-first by `JobSettings.estimatedCost` (`BalancedShares`).
        case cost
    }

    /// 0-based, below `count` (SLURM's array task ids start at 0).
    package let index: Int
    /// At least 1.
    package let count: Int
    package var rule: Rule = .position

    /// A shard, or nil unless `0 <= index < count`.
    package init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N` (two whole numbers, `0 <= I < N`); nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) }),
            let index = Int(parts[0]), let count = Int(parts[1]), parts[0].allSatisfy(\.isNumber),
            parts[1].allSatisfy(\.isNumber)
        else { return nil }
        self.init(index: index, count: count)
    }

    package var description: String { "\(index)/\(count)" }

    /// The ids of `ids` that belong to this shard, in their given order.
    package func select(_ ids: [String]) -> Set<String> {
        let sorted = Array(Set(ids)).sorted()
        return Set(sorted.indices.filter { $0 % count == index }.map { sorted[$0] })
    }

    /// The ids of `costs` (each job's estimated cost by id) that belong to this shard under
    /// `rule`.
    package func select(_ costs: [String: Int]) -> Set<String> {
        switch rule {
        case .position: select(Array(costs.keys))
        case .cost: Set(BalancedShares.assign(costs, count: count)[index])
        }
    }
}
