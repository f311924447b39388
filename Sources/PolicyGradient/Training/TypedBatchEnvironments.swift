/// Typed environment copies behind `BatchEnvironments`.
final class TypedBatchEnvironments<V: BatchedEnvironment>: BatchEnvironments {
    let vector: V
    init(_ vector: V) {
        self.vector = vector
        super.init(numEnvs: vector.numEnvs)
    }
}
