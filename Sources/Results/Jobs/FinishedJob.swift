import Foundation
import PolicyGradient

/// A finished job as read back from its folder and believed: its `result.json` decoded, its
/// files matching what it records, its rows parsed and its figures those of its curve.
package struct FinishedJob: Sendable {
    package var result: JobResult
    package var curve: [CurveRow]
    package var variance: [VarianceRow]
    /// The bytes of `policy.json` as read and checked, when the job has one.
    package var policy: Data?
    /// Whether `result.json` records its files, so that they and its figures were checked; a
    /// result written before such records existed is read as it stands.
    package var verified: Bool { result.files != nil }
}
