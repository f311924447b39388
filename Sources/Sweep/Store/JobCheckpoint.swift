import Experiment
import Foundation
import PolicyGradient
import Results

/// The contents of `jobs/<job_id>/checkpoint`: a job's training state at an update boundary
/// and what its files held then, enough to resume it so that its final files are byte for
/// byte those of an uninterrupted run.
///
/// The file is a `CheckpointSeal` line, then the state as JSON: `step`, `resumed_from_steps`
/// (the steps of earlier resumptions, oldest first), `continued_from` (when the job continued
/// a shorter run: its job id and step), `variance_rows` (the lines of `variance.csv` after its
/// header, as written so far), `update_rows` (likewise of `updates.csv`) and `snapshot` (`TrainingSnapshot`,
/// with its `formatVersion`; the curve rows are inside it). Nothing in it is believed before
/// the seal names this job and configuration and the state's size and SHA-256 match it.
struct JobCheckpoint: Codable {
    var step: Int
    var resumedFromSteps: [Int]
    var varianceRows: String
    var updateRows: String
    var snapshot: TrainingSnapshot
    /// The shorter run the job continued, when it did (absent otherwise).
    var continuedFrom: JobResult.ContinuedFrom?

    enum CodingKeys: String, CodingKey {
        case continuedFrom = "continued_from"
        case step
        case resumedFromSteps = "resumed_from_steps"
        case varianceRows = "variance_rows"
        case updateRows = "update_rows"
        case snapshot
    }

    /// Why a checkpoint was not used: the rest of a sentence (`it belongs to job 1a2b…`).
    struct Rejection: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The sealed file for job `jobId` whose `config.yaml` is `configText`: the seal line,
    /// then the state as JSON (floats exact; NaN and infinities spelled out).
    func data(jobId: String, configText: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Sorted keys: the same state gives the same bytes in every process (a dictionary's
        // order is not), so a final state is a pure function of the configuration.
        encoder.outputFormatting = [.sortedKeys]
        let state = try encoder.encode(self)
        let seal = CheckpointSeal(
            jobId: jobId, configSHA256: SHA256.hex(configText), stateBytes: state.count,
            stateSHA256: SHA256.hex(SHA256.digest(state)))
        return try encoder.encode(seal) + Data([0x0A]) + state
    }

    /// The checkpoint in `data`, once its seal names job `jobId` and the configuration
    /// `configText` and its state matches the seal's size and SHA-256, and what it holds is
    /// consistent (its rows parse and none lies past its step). Throws `Rejection`.
    static func load(_ data: Data, jobId: String, configText: String) throws -> JobCheckpoint {
        let (seal, state) = try unseal(data)
        guard seal.jobId == jobId else { throw Rejection("it belongs to job \(seal.jobId)") }
        guard seal.configSHA256 == SHA256.hex(configText) else {
            throw Rejection("it was saved for another configuration than this job's config.yaml")
        }
        return try decode(state)
    }

    /// The checkpoint in `data` after checking its state against its seal, whatever job the
    /// seal names. Throws `Rejection`.
    static func load(_ data: Data) throws -> JobCheckpoint {
        try decode(try unseal(data).state)
    }

    /// The seal and the state bytes, checked against each other.
    private static func unseal(_ data: Data) throws -> (seal: CheckpointSeal, state: Data) {
        guard let newline = data.firstIndex(of: 0x0A),
            let seal = try? JSONDecoder().decode(CheckpointSeal.self, from: data[..<newline])
        else { throw Rejection("it has no seal (not a checkpoint, or one written by an earlier version)") }
        let state = Data(data[(newline + 1)...])
        guard state.count == seal.stateBytes else {
            throw Rejection("its training state has \(state.count) bytes where its seal records \(seal.stateBytes)")
        }
        guard SHA256.hex(SHA256.digest(state)) == seal.stateSHA256 else {
            throw Rejection("its training state's SHA-256 differs from its seal's: it was changed after it was written")
        }
        return (seal, state)
    }

    /// The state, of this build's format, with rows that parse and lie no later than its step.
    private static func decode(_ state: Data) throws -> JobCheckpoint {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let checkpoint: JobCheckpoint
        do {
            try TrainingSnapshot.checkVersion((try? decoder.decode(Probe.self, from: state))?.snapshot?.formatVersion)
            checkpoint = try decoder.decode(JobCheckpoint.self, from: state)
        } catch let error as TrainerError {
            throw Rejection("\(error)")
        } catch {
            throw Rejection("its training state cannot be decoded: \(DecodingFailure.reason(error))")
        }
        try checkpoint.checkRows()
        return checkpoint
    }

    /// Throws unless the saved rows are what this runner writes: variance and update lines that
    /// parse and print back the same, and no row past `step`.
    private func checkRows() throws {
        guard step >= 0, resumedFromSteps.allSatisfy({ 0...step ~= $0 }) else {
            throw Rejection("its steps are out of order (step \(step), resumed from \(resumedFromSteps))")
        }
        if let late = snapshot.curve.first(where: { $0.step > step }) {
            throw Rejection("it holds a curve row at step \(late.step), after its own step \(step)")
        }
        try checkSaved(varianceRows, "variance", header: VarianceRow.csvHeaderLine, VarianceRow.rows(in:), \.csvLine, \.step)
        try checkSaved(
            updateRows, "update", header: UpdateStatistics.csvHeaderLine, UpdateStatistics.rows(in:), \.csvLine, \.step)
    }

    /// Throws unless `text`, the lines of a row file after its `header`, parses into rows that
    /// print back the same and lie no later than `step`; `kind` names the rows.
    private func checkSaved<Row>(
        _ text: String, _ kind: String, header: String, _ parse: (CSVTable) throws -> [Row],
        _ line: (Row) -> String, _ rowStep: (Row) -> Int
    ) throws {
        let rows: [Row]
        do {
            rows = try parse(try CSVTable(parsing: header + text))
        } catch {
            throw Rejection("its \(kind) rows do not parse: \(error)")
        }
        guard rows.map(line).joined() == text, rows.allSatisfy({ rowStep($0) <= step }) else {
            throw Rejection("its \(kind) rows are not the ones this runner writes")
        }
    }

    /// The variance rows saved, parsed; throws `CSVError` for lines that do not parse (a
    /// loaded checkpoint's parse: `load` checked them).
    func parsedVarianceRows() throws -> [VarianceRow] {
        try VarianceRow.rows(in: try CSVTable(parsing: VarianceRow.csvHeaderLine + varianceRows))
    }

    /// The update rows saved, parsed, as `parsedVarianceRows`.
    func parsedUpdateRows() throws -> [UpdateStatistics] {
        try UpdateStatistics.rows(in: try CSVTable(parsing: UpdateStatistics.csvHeaderLine + updateRows))
    }

    /// The snapshot's format version alone, read before the rest.
    private struct Probe: Decodable {
        struct Version: Decodable { var formatVersion: Int? }
        var snapshot: Version?
    }
}
