import CChildSpawn

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker's shared memory: a memfd (or unlinked file), which the worker sizes and both map.
///
/// Nothing names it, so it disappears with the last descriptor or mapping, whatever way the
/// runner and the worker end.
final class SharedMemory {
    /// The descriptor the worker receives as its descriptor 3.
    let descriptor: Int32
    private(set) var base: UnsafeMutableRawPointer?
    private(set) var byteCount = 0

    init() throws(GymnasiumBridgeError) {
        let result = pg_shared_memory()
        guard result >= 0 else { throw .system(operation: "create shared memory", reason: String(cString: strerror(-result))) }
        descriptor = result
    }

    /// Maps the `byteCount` bytes the worker sized the memory to.
    func map(byteCount: Int) throws(GymnasiumBridgeError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == byteCount else {
            throw .protocolViolation("the shared memory does not hold the \(byteCount) bytes announced")
        }
        let address = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw .system(operation: "map shared memory", reason: String(cString: strerror(errno)))
        }
        base = address
        self.byteCount = byteCount
    }

    deinit {
        if let base { munmap(base, byteCount) }
        close(descriptor)
    }
}
