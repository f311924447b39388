import Foundation

extension MemoryFootprint {
    /// Whether the whole footprint can be allocated now: maps `total` bytes of anonymous memory,
    /// as the allocator would for large blocks, and unmaps them untouched. Throws `TrainerError`
    /// naming the size and the system's reason when it cannot. (A `malloc`/`free` pair would do,
    /// but the optimizer may remove one whose memory is never used.)
    public func probe() throws {
        let size = total
        guard size > 0 else { return }
        let failure = UnsafeMutableRawPointer(bitPattern: -1)
        var reason = "more than the address space holds"
        if size < Int.max {
            let block = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0)
            if let block, block != failure {
                munmap(block, size)
                return
            }
            reason = String(cString: strerror(errno))
        }
        throw TrainerError(
            "cannot allocate \(size) bytes (about \(Self.describe(size))) for this job's parameters, batches "
                + "and environments: \(reason)")
    }
}
