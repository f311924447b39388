extension Rollout {
    /// The advantages `Â_k = Q̂_k − B(s_k)` of every term, kept for the minibatches.
    func subtractBaseline(_ baseline: ResolvedBaseline) {
        advantageStorage.reserve(count)
        baseline.subtract(from: self, into: advantageStorage.pointer)
    }

    /// One pass over the batch: a fresh permutation of `0..<count` (`shuffled(by:)`), cut into
    /// minibatches of `size` terms in that order, the last shorter when `size` does not divide
    /// `count`. Each is gathered (with the advantages of the latest `subtractBaseline(_:)`) when
    /// the iteration reaches it, into the same rollout (`gather(from:permutation:start:count:)`).
    func minibatches(size: Int, shuffledBy generator: inout RandomGenerator) -> Minibatches {
        _ = shuffled(by: &generator)
        return Minibatches(batch: self, size: size)
    }

    /// One pass over the batch in the order of `permutation` (a permutation of `0..<count`),
    /// cut as `minibatches(size:shuffledBy:)` cuts a shuffle.
    func minibatches(size: Int, permutation: [Int]) -> Minibatches {
        precondition(permutation.count == count && Set(permutation) == Set(0..<count), "not a permutation of the batch")
        permutationStorage.reserve(count)
        permutationStorage.pointer.update(from: permutation, count: count)
        return Minibatches(batch: self, size: size)
    }

    /// A fresh permutation of `0..<count` drawn from `generator` (Fisher–Yates from the top, as
    /// numpy's permutation: one `int(below: k + 1)` for k = count−1 down to 1); valid until the
    /// next shuffle.
    func shuffled(by generator: inout RandomGenerator) -> UnsafeBufferPointer<Int> {
        permutationStorage.reserve(count)
        let p = permutationStorage.pointer
        for k in 0..<count { p[k] = k }
        var k = count - 1
        while k > 0 {
            let j = generator.int(below: k + 1)
            let held = p[k]
            p[k] = p[j]
            p[j] = held
            k -= 1
        }
        return UnsafeBufferPointer(start: p, count: count)
    }

    /// The minibatches of one shuffle, in order (`minibatches(size:shuffledBy:)`).
    struct Minibatches: Sequence, IteratorProtocol {
        let batch: Rollout
        let size: Int
        private var start = 0

        fileprivate init(batch: Rollout, size: Int) {
            self.batch = batch
            self.size = size
        }

        mutating func next() -> Rollout? {
            guard start < batch.count else { return nil }
            let m = Swift.min(size, batch.count - start)
            batch.minibatch.gather(from: batch, permutation: batch.permutationStorage.pointer, start: start, count: m)
            start += m
            return batch.minibatch
        }
    }
}
