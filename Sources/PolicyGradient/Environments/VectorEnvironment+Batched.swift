extension VectorEnvironment: BatchedEnvironment {
    /// Native copies never fail.
    @inlinable public var fault: EnvironmentFault? { nil }

    public func savedCopies() -> EnvironmentCopiesState? {
        EnvironmentCopiesState(self)
    }

    public func restoreCopies(_ saved: EnvironmentCopiesState) throws {
        try saved.restore(into: self)
    }

    /// Makes every copy a clone of `source`'s copy of the same index: its environment state
    /// (a value, so the whole of it), its elapsed steps toward the time limit, its running
    /// episode return and length, and its current observation. The generators stay this
    /// vector's own, so the clones continue with fresh randomness.
    ///
    /// `source` must have as many copies of the same environment.
    public func cloneCopies(from source: VectorEnvironment<Base>) {
        precondition(source.numEnvs == numEnvs && source.observationSize == observationSize, "same copies")
        for i in 0..<numEnvs {
            copies[i] = source.copies[i]
            returnStorage[i] = source.returnStorage[i]
            lengthStorage[i] = source.lengthStorage[i]
            rewards.base[i] = 0
            terminated.base[i] = false
            truncated.base[i] = false
        }
        observations.base.update(from: source.observations.base, count: numEnvs * observationSize)
        finishedEpisodes.validCount = 0
    }

    public func state(ofCopy i: Int) -> [Double]? {
        copies[i].base.state
    }
}
