/// Typed environment copies behind `BatchEnvironments`.
final class TypedBatchEnvironments<E: Environment>: BatchEnvironments {
    let vector: VectorEnvironment<E>
    init(_ vector: VectorEnvironment<E>) {
        self.vector = vector
        super.init(numEnvs: vector.numEnvs)
    }
}
