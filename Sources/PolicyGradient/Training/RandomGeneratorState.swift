/// A random generator's four state words, to save and restore a run mid-stream.
struct RandomGeneratorState: Codable, Sendable, Equatable {
    var words: [UInt64]

    init(_ generator: RandomGenerator) {
        words = [generator.s0, generator.s1, generator.s2, generator.s3]
    }

    /// The generator continuing exactly where the saved one was.
    func generator() throws -> RandomGenerator {
        guard words.count == 4 else { throw TrainerError("a saved random generator has 4 state words") }
        var g = RandomGenerator(seed: 0, stream: .actions)
        (g.s0, g.s1, g.s2, g.s3) = (words[0], words[1], words[2], words[3])
        return g
    }
}
