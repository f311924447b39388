/// A fixed-capacity buffer that a `VectorEnvironment` writes in place and callers read.
///
/// It is a class so that holding it keeps its memory alive: the buffers of a vector
/// environment can be read after the environment itself is gone, and reading them never
/// copies. `withUnsafeBufferPointer` gives raw access for hot loops.
public final class EnvironmentBuffer<Element>: RandomAccessCollection {
    @usableFromInline package let base: UnsafeMutablePointer<Element>
    /// Number of elements the buffer can hold.
    public let capacity: Int
    /// Number of valid elements (equal to `capacity` except for the finished-episode list).
    @usableFromInline package var validCount: Int

    /// Number of valid elements (equal to `capacity` except for the finished-episode list).
    @inlinable public var count: Int { validCount }

    package init(repeating value: Element, count: Int) {
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
        capacity = count
        validCount = count
    }

    deinit {
        base.deinitialize(count: capacity)
        base.deallocate()
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { validCount }

    @inlinable
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return base[position]
    }

    /// Calls `body` with the valid elements; the pointer must not escape `body`.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}
