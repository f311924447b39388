import Foundation
import PolicyGradient

/// The contents of `jobs/<job_id>/checkpoint`: a job's training state at an update boundary
/// and what its files held then, enough to resume it so that its final files are byte for
/// byte those of an uninterrupted run.
///
/// JSON: `step`, `resumed_from_steps` (the steps of earlier resumptions, oldest first),
/// `variance_rows` (the lines of `variance.csv` after its header, as written so far) and
/// `snapshot` (`TrainingSnapshot`, with its `formatVersion`; the curve rows are inside it).
struct JobCheckpoint: Codable {
    var step: Int
    var resumedFromSteps: [Int]
    var varianceRows: String
    var snapshot: TrainingSnapshot

    enum CodingKeys: String, CodingKey {
        case step
        case resumedFromSteps = "resumed_from_steps"
        case varianceRows = "variance_rows"
        case snapshot
    }

    /// The checkpoint as JSON (floats exact; NaN and infinities spelled out).
    func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// Reads a checkpoint; throws for a file that is not one or holds another format version.
    static func load(_ data: Data) throws -> JobCheckpoint {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try TrainingSnapshot.checkVersion((try? decoder.decode(Probe.self, from: data))?.snapshot?.formatVersion)
        return try decoder.decode(JobCheckpoint.self, from: data)
    }

    /// The snapshot's format version alone, read before the rest.
    private struct Probe: Decodable {
        struct Version: Decodable { var formatVersion: Int? }
        var snapshot: Version?
    }
}
