import YAML

/// The top level of an experiment file other than the job settings: its name, seeds,
/// sweep and regression gate. Decoding it also rejects unknown top-level keys.
struct ExperimentHeader: Decodable {
    var name: String
    var description: String?
    var seeds: [Int]
    var regression: RegressionSettings?

    /// The longest experiment name: a folder name may have 255 bytes, and this leaves room for
    /// the hidden temporary names the runner writes beside files (`.<name>.<pid>-<n>.tmp`).
    static let maxNameLength = 200

    enum CodingKeys: String, CodingKey, CaseIterable {
        case experiment, description, extends, seeds, grid, zip, exclude, regression, report
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .experiment)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")
        try c.require(
            !name.isEmpty && name.allSatisfy(allowed.contains) && name != "." && name != "..",
            .experiment, "must match [A-Za-z0-9._-]+ (it names the results folder)")
        try c.require(
            name.utf8.count <= Self.maxNameLength, .experiment,
            "is \(name.utf8.count) characters long; the limit is \(Self.maxNameLength) (it names the results folder)")
        description = try c.decodeIfPresent(String.self, forKey: .description)
        seeds = try Self.decodeSeeds(c)
        regression = try c.decodeIfPresent(RegressionSettings.self, forKey: .regression)
        // The sweep, the report and the settings sections are read elsewhere; asking marks them as known keys.
        for key in [CodingKeys.extends, .grid, .zip, .exclude, .report] { _ = c.contains(key) }
        let sections = try decoder.container(keyedBy: JobSettings.CodingKeys.self)
        for key in JobSettings.CodingKeys.allCases { _ = sections.contains(key) }
    }

    /// Every top-level key of `file` that is neither the header's nor a settings section, in
    /// file order. Decoding the header finds the first of them too, but only when the rest of
    /// the header reads: this check runs whatever else is wrong with it.
    static func unknownKeys(in file: Node) -> [Diagnostic] {
        let known = CodingKeys.allCases.map(\.stringValue) + JobSettings.CodingKeys.allCases.map(\.stringValue)
        return (file.mapping ?? []).filter { !known.contains($0.key) }.map { pair in
            var message = "unknown key '\(pair.key)'"
            if let guess = suggestion(for: pair.key, among: known) { message += "; did you mean '\(guess)'?" }
            var diagnostic = Diagnostic(at: pair.keyMark, path: pair.key, message: message)
            diagnostic.unknownKey = pair.key
            return diagnostic
        }
    }

    /// `seeds: N` means 0..<N; a list names the seeds.
    private static func decodeSeeds(_ c: KeyedDecodingContainer<CodingKeys>) throws -> [Int] {
        guard c.contains(.seeds), try !c.decodeNil(forKey: .seeds) else { return [0] }
        if let count = try? c.decode(Int.self, forKey: .seeds) {
            try c.require(count >= 1 && count <= 100_000, .seeds, "a seed count must be in 1...100000")
            return Array(0..<count)
        }
        if let list = try? c.decode([Int].self, forKey: .seeds) {
            try c.require(!list.isEmpty, .seeds, "needs at least one seed")
            var seen = Set<Int>()
            for (i, seed) in list.enumerated() {
                if seed < 0 { throw c.fail(at: .seeds, [i], "a seed must be >= 0") }
                if !seen.insert(seed).inserted { throw c.fail(at: .seeds, [i], "seed \(seed) is listed twice") }
            }
            return list
        }
        throw c.fail(at: .seeds, [], "expected a seed count or a list of seeds")
    }
}
