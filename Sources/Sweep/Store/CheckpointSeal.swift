/// The first line of `jobs/<id>/checkpoint`: whose training state follows, for which
/// configuration, and the size and SHA-256 of its bytes.
///
/// JSON on one line: `{"config_sha256": …, "job_id": …, "state_bytes": …, "state_sha256": …}`.
/// A checkpoint copied from another job, saved for another configuration, cut short or
/// edited after it was written does not match its seal, and the job starts over from zero.
struct CheckpointSeal: Codable, Equatable {
    var jobId: String
    var configSHA256: String
    var stateBytes: Int
    var stateSHA256: String

    enum CodingKeys: String, CodingKey {
        case jobId = "job_id"
        case configSHA256 = "config_sha256"
        case stateBytes = "state_bytes"
        case stateSHA256 = "state_sha256"
    }
}
