/// Fills a `Rollout` with one batch from environment copies, with the current policy.
protocol BatchCollector<V>: AnyObject {
    associatedtype V: BatchedEnvironment
    /// Collects one batch into `batch`, drawing actions from `generator`; returns the
    /// environment steps taken (fewer when a stop abandoned the batch).
    func collect(_ vector: V, _ generator: inout RandomGenerator, into batch: Rollout) -> Int
}
