import Foundation
import PolicyGradient

/// A finished job as read back from its folder and believed: its `result.json` decoded, its
/// files matching what it records, its rows parsed and its figures those of its curve.
public struct FinishedJob: Sendable {
    public var result: JobResult
    public var curve: [CurveRow]
    public var variance: [VarianceRow]
    /// The bytes of `policy.json` as read and checked, when the job has one.
    public var policy: Data?
    /// Whether `result.json` records its files, so that they and its figures were checked; a
    /// result written before such records existed is read as it stands.
    public var verified: Bool { result.files != nil }
}
