import Testing

@testable import Sweep

/// The longest-processing-time-first assignment of jobs to cluster tasks.
@Suite struct BalancedSharesTests {
    /// 40 ids with costs from a fixed pseudo-random sequence, some equal.
    static let costs: [String: Int] = {
        var state: UInt64 = 12345
        var costs: [String: Int] = [:]
        for k in 0..<40 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            costs[String(format: "%016x", k &* 2654435761)] = Int(state >> 58) + 1
        }
        return costs
    }()

    @Test func everyJobGoesToExactlyOneTask() {
        for count in [1, 3, 7, 40, 55] {
            let shares = BalancedShares.assign(Self.costs, count: count)
            #expect(shares.count == count)
            let all = shares.flatMap { $0 }
            #expect(all.count == Self.costs.count)
            #expect(Set(all) == Set(Self.costs.keys))
        }
    }

    @Test func theAssignmentDependsOnlyOnItsInputs() {
        // A dictionary's order differs between instances; the assignment must not.
        var rebuilt: [String: Int] = [:]
        for (id, cost) in Self.costs.sorted(by: { $0.key > $1.key }) { rebuilt[id] = cost }
        #expect(BalancedShares.assign(Self.costs, count: 6) == BalancedShares.assign(rebuilt, count: 6))
    }

    /// Replaying the shares: jobs were taken longest first (ties by id), and each went to a
    /// task whose summed cost was then the smallest, the lowest such index.
    @Test func eachJobWentToTheLeastLoadedTaskLongestFirst() {
        let count = 6
        let shares = BalancedShares.assign(Self.costs, count: count)
        let order = Self.costs.keys.sorted { (Self.costs[$0]!, $1) > (Self.costs[$1]!, $0) }
        var next = Array(repeating: 0, count: count)
        var loads = Array(repeating: 0, count: count)
        for id in order {
            let task = shares.firstIndex { $0.contains(id) }!
            #expect(shares[task][next[task]] == id, "jobs reach a task in decreasing cost")
            let least = loads.min()!
            #expect(loads[task] == least && loads.firstIndex(of: least) == task, "\(id) to task \(task), loads \(loads)")
            next[task] += 1
            loads[task] += Self.costs[id]!
        }
    }

    @Test func aTextbookCaseIsBalancedAsLPTBalancesIt() {
        // Costs 7, 6, 5, 4, 3, 3 on 3 tasks: LPT gives {7, 3}, {6, 3}, {5, 4}, each 9 or 10.
        let costs = ["a": 7, "b": 6, "c": 5, "d": 4, "e": 3, "f": 3]
        #expect(BalancedShares.assign(costs, count: 3) == [["a", "f"], ["b", "e"], ["c", "d"]])
        // One task takes everything, the longest first.
        #expect(BalancedShares.assign(costs, count: 1) == [["a", "b", "c", "d", "e", "f"]])
    }

    /// With equal costs the shares are `Shard`'s position rule: the id-sorted round robin.
    @Test func equalCostsShareAsThePositionRule() {
        let ids = Self.costs.keys.sorted()
        let shares = BalancedShares.assign(Dictionary(uniqueKeysWithValues: ids.map { ($0, 5) }), count: 4)
        for index in 0..<4 {
            #expect(Set(shares[index]) == Shard(index: index, count: 4)!.select(ids))
        }
    }

    @Test func aShardByCostSelectsItsBalancedShare() {
        let shares = BalancedShares.assign(Self.costs, count: 5)
        for index in 0..<5 {
            var shard = Shard(index: index, count: 5)!
            #expect(shard.select(Self.costs) == Set(Self.costs.keys.sorted().enumerated().filter { $0.offset % 5 == index }.map(\.element)))
            shard.rule = .cost
            #expect(shard.select(Self.costs) == Set(shares[index]))
        }
    }
}
