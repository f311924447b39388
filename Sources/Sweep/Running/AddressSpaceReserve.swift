#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A span of address space held, unused, while the worker threads start, then given back.
///
/// Under an address-space limit (`ulimit -v`, a batch system's memory limit) the workers'
/// stacks (8 MiB each) could take all that is left, and the next allocation of a job would
/// then end the process. Holding this span while the workers start makes the last starts
/// fail instead, and leaves the span to the jobs. It costs no memory: nothing is mapped in.
final class AddressSpaceReserve {
    /// Bytes held: room for the jobs' buffers and the allocator's per-thread heaps.
    static let size = 256 << 20

    private var base: UnsafeMutableRawPointer?

    /// Holds `size` bytes of address space, or nothing when even that much is not free.
    init() {
        #if canImport(Darwin)
        let flags = MAP_PRIVATE | MAP_ANON | MAP_NORESERVE
        #else
        let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        #endif
        let span = mmap(nil, Self.size, PROT_NONE, flags, -1, 0)
        base = span == UnsafeMutableRawPointer(bitPattern: -1) ? nil : span
    }

    /// Gives the span back (once).
    func release() {
        if let base { munmap(base, Self.size) }
        base = nil
    }

    deinit { release() }
}
