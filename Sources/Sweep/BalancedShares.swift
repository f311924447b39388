/// Jobs shared among `count` tasks so that each task's summed estimated cost is about the same:
/// the longest-processing-time-first rule.
///
/// The jobs are taken in decreasing cost (ties: increasing id), and each goes to the task whose
/// summed cost is then the smallest (ties: the lowest task index). A pure function of the ids,
/// their costs and `count`: every task computes the whole assignment and keeps its own part,
/// so that tasks started at any time, on any node, agree without talking. Equal costs give the
/// id-sorted round robin of `Shard`'s position rule. The largest share is at most
/// `4/3 − 1/(3·count)` times the best possible (Graham's bound).
package enum BalancedShares {
    /// The share of each task, `count` lists of ids (some empty when there are fewer jobs
    /// than tasks), each in the order its jobs were given to it.
    package static func assign(_ costs: [String: Int], count: Int) -> [[String]] {
        precondition(count >= 1, "at least one task")
        let order = costs.keys.sorted { a, b in
            let (ca, cb) = (costs[a]!, costs[b]!)
            return ca != cb ? ca > cb : a < b
        }
        var shares = Array(repeating: [String](), count: count)
        // A binary min-heap of (summed cost, task index): the least loaded task on top, the
        // lowest index among equal loads, so O(log count) per job.
        var heap = (0..<count).map { (load: 0, task: $0) }
        for id in order {
            let top = heap[0]
            shares[top.task].append(id)
            let (sum, overflow) = top.load.addingReportingOverflow(max(costs[id]!, 0))
            heap[0].load = overflow ? Int.max : sum
            siftDown(&heap)
        }
        return shares
    }

    /// Restores the heap order after the root's load grew.
    private static func siftDown(_ heap: inout [(load: Int, task: Int)]) {
        func before(_ a: Int, _ b: Int) -> Bool {
            heap[a].load != heap[b].load ? heap[a].load < heap[b].load : heap[a].task < heap[b].task
        }
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count && before(left, first) { first = left }
            if right < heap.count && before(right, first) { first = right }
            if first == parent { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}
