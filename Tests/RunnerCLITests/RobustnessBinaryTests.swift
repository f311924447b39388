import Foundation
import TestSupport
import Testing

/// No input crashes or hangs `runner validate`: it answers ok (0) or invalid (2), every time.
@Suite struct RobustnessBinaryTests {
    /// A small seeded generator, so every run mutates the same way.
    struct Mutator {
        var generator: TestGenerator
        init(state: UInt64) { generator = TestGenerator(state: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        /// One mutation: a flipped byte, a dropped, duplicated or re-indented line, or a truncation.
        mutating func mutate(_ original: [UInt8]) -> [UInt8] {
            var bytes = original
            var lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            switch below(6) {
            case 0:
                bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
                return bytes
            case 1:
                lines.remove(at: below(lines.count))
            case 2:
                let i = below(lines.count)
                lines.insert(lines[i], at: i + below(2))
            case 3:
                let i = below(lines.count)
                lines[i] = Array(repeating: UInt8(ascii: " "), count: below(5)) + lines[i].drop { $0 == UInt8(ascii: " ") }
            case 4:
                let i = below(lines.count)
                lines[i] = [UInt8(ascii: "\t")] + lines[i]
            default:
                return Array(bytes.prefix(below(bytes.count)))
            }
            return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }

    @Test func mutatedExperimentFilesGiveAnErrorOrSuccess() throws {
        let experiments = BinaryRunner.repositoryRoot.appendingPathComponent("experiments")
        let originals = try FileManager.default.contentsOfDirectory(atPath: experiments.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try [UInt8](Data(contentsOf: experiments.appendingPathComponent($0))) }
        #expect(!originals.isEmpty)
        let dir = TemporaryFolder()
        var mutator = Mutator(state: 20_261_125)
        var outcomes: [Int32: Int] = [:]
        for round in 0..<300 {
            var bytes = originals[round % originals.count]
            for _ in 0...mutator.below(3) { bytes = mutator.mutate(bytes) }
            let path = dir.write("mutant-\(round).yaml", Data(bytes))
            let outcome = try BinaryRunner.run(["validate", path], timeout: 300)
            #expect(!outcome.crashed, "round \(round) crashed: \(outcome.stderr)")
            #expect(outcome.status == 0 || outcome.status == 2, "round \(round): status \(outcome.status)")
            if outcome.status == 2 {
                // An error names the file and a line and column.
                #expect(outcome.stderr.contains("mutant-\(round).yaml:"), "round \(round): \(outcome.stderr)")
            }
            outcomes[outcome.status, default: 0] += 1
        }
        // The mutations exercise both outcomes.
        #expect(outcomes[2, default: 0] > 50)
        #expect(outcomes[0, default: 0] > 5)
    }

    @Test func anAliasBombIsAFastError() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let dir = TemporaryFolder()
        let path = dir.write("bomb.yaml", "experiment: bomb\nenvironment:\n  params:\n" + text
            .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n")
        let outcome = try BinaryRunner.run(["validate", path], timeout: 300)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bomb.yaml:"))
    }

    /// The nesting limit is 512 levels: depth 600 is just past it, depth 100,000 is far past it
    /// (a file of a few hundred kilobytes). Each is an error naming the depth, never a crash.
    @Test(arguments: [600, 100_000])
    func deepNestingIsAnErrorNotACrash(depth: Int) throws {
        let dir = TemporaryFolder()
        for (name, open, close) in [("flow", "[", "]"), ("map", "{a: ", "}")] {
            let text = "experiment: " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "\n"
            let path = dir.write("deep-\(name).yaml", text)
            let outcome = try BinaryRunner.run(["validate", path], timeout: 300)
            #expect(!outcome.crashed)
            #expect(outcome.status == 2, "\(name): \(outcome.stderr.prefix(300))")
            #expect(outcome.stderr.contains("deeper"), "\(name): \(outcome.stderr.prefix(300))")
        }
    }

    /// Block nesting indents each level one column more, so the file grows as depth²:
    /// 600 levels (about 180 KB) are enough to pass the limit.
    @Test func deepBlockNestingIsAnErrorNotACrash() throws {
        let dir = TemporaryFolder()
        let blockPath = dir.write("deep-block.yaml", (0..<600).map {
            String(repeating: " ", count: $0) + "k:"
        }.joined(separator: "\n") + " 1\n")
        let block = try BinaryRunner.run(["validate", blockPath], timeout: 300)
        #expect(!block.crashed)
        #expect(block.status == 2, "\(block.stderr.prefix(300))")
        #expect(block.stderr.contains("deeper"), "\(block.stderr.prefix(300))")
    }
}
