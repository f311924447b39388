/// Where each array lies in one worker's shared memory (docs/environments.md, "Gymnasium
/// environments in worker processes: the transport"), for `copies` copies with observations of
/// `observationSize` values and actions of `actionSize` values. Every array is in the machine's
/// byte order; the 8-byte ones come first, so each is aligned.
///
///     actions             copies × actionSize       Int64 (Discrete) or Float64 (Box)
///     observations        copies × observationSize  Float64
///     finalObservations   copies × observationSize  Float64
///     rewards             copies                    Float64
///     terminated          copies                    UInt8 (0 or 1)
///     truncated           copies                    UInt8 (0 or 1)
struct SharedMemoryLayout: Equatable {
    let copies: Int
    let observationSize: Int
    let actionSize: Int

    var actions: Int { 0 }
    var observations: Int { 8 * copies * actionSize }
    var finalObservations: Int { observations + 8 * copies * observationSize }
    var rewards: Int { finalObservations + 8 * copies * observationSize }
    var terminated: Int { rewards + 8 * copies }
    var truncated: Int { terminated + copies }
    var byteCount: Int { truncated + copies }
}
