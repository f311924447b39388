/// Terms of a `Rollout` gathered in shuffled order, `[count]` each (observations
/// `[count × observationSize]`, continuous actions `[count × actionDimension]`): what one of
/// PPO's gradient steps reads. The rollout reuses it for every minibatch it hands out.
final class Minibatch {
    /// Terms gathered.
    private(set) var count = 0
    let observationStorage = ScratchBuffer<Float>(zero: 0)
    let actionStorage = ScratchBuffer<Int>(zero: 0)
    let continuousActionStorage = ScratchBuffer<Float>(zero: 0)
    /// log π_old(a|s) at collection.
    let oldLogProbStorage = ScratchBuffer<Float>(zero: 0)
    /// Â, the batch's advantages (standardized in place by the update when it asks).
    let advantageStorage = ScratchBuffer<Float>(zero: 0)
    /// The critic's targets V̂.
    let criticTargetStorage = ScratchBuffer<Float>(zero: 0)
    /// V(s) at collection.
    let stateValueStorage = ScratchBuffer<Float>(zero: 0)

    /// Makes room for minibatches of up to `size` terms.
    fileprivate func reserve(size: Int, observationSize: Int, actionDimension: Int) {
        observationStorage.reserve(size * observationSize)
        actionStorage.reserve(size)
        continuousActionStorage.reserve(size * actionDimension)
        for buffer in [oldLogProbStorage, advantageStorage, criticTargetStorage, stateValueStorage] { buffer.reserve(size) }
    }

    /// Copies terms `permutation[start..<start+m]` of `batch`, in that order.
    fileprivate func gather(_ batch: Rollout, permutation p: UnsafePointer<Int>, from start: Int, count m: Int) {
        let size = batch.observationSize, width = batch.actionDimension
        for i in 0..<m {
            let source = p[start + i]
            (observationStorage.pointer + i * size).update(
                from: batch.observationStorage.pointer + source * size, count: size)
            actionStorage[i] = batch.actionStorage[source]
            (continuousActionStorage.pointer + i * width).update(
                from: batch.continuousActionStorage.pointer + source * width, count: width)
            oldLogProbStorage[i] = batch.logProbStorage[source]
            advantageStorage[i] = batch.advantageStorage[source]
            criticTargetStorage[i] = batch.criticTargetStorage[source]
            stateValueStorage[i] = batch.stateValueStorage[source]
        }
        count = m
    }
}

extension Rollout {
    /// The advantages `Â_k = Q̂_k − B(s_k)` of every term, kept for the minibatches.
    func subtractBaseline(_ baseline: ResolvedBaseline) {
        advantageStorage.reserve(count)
        baseline.subtract(from: self, into: advantageStorage.pointer)
    }

    /// One pass over the batch: a fresh permutation of `0..<count` drawn from `generator`
    /// (Fisher–Yates from the top, as numpy's permutation: one `int(below: k + 1)` for
    /// k = count−1 down to 1), cut into minibatches of `size` terms in that order, the last
    /// shorter when `size` does not divide `count`. Each is gathered (with the advantages of the
    /// latest `subtractBaseline(_:)`) when the iteration reaches it, into the same `Minibatch`.
    func minibatches(size: Int, shuffledBy generator: inout RandomGenerator) -> Minibatches {
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
        minibatch.reserve(size: size, observationSize: observationSize, actionDimension: actionDimension)
        return Minibatches(batch: self, size: size)
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

        mutating func next() -> Minibatch? {
            guard start < batch.count else { return nil }
            let m = Swift.min(size, batch.count - start)
            batch.minibatch.gather(batch, permutation: batch.permutationStorage.pointer, from: start, count: m)
            start += m
            return batch.minibatch
        }
    }
}
