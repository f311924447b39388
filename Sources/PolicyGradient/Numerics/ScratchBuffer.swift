/// A growable contiguous buffer of trivial values, reused across updates so hot loops write
/// through a raw pointer and never allocate once the buffer has reached its working size.
final class ScratchBuffer<Element> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private let zero: Element

    init(capacity: Int = 16, zero: Element) {
        self.capacity = Swift.max(capacity, 1)
        self.zero = zero
        pointer = .allocate(capacity: self.capacity)
        pointer.initialize(repeating: zero, count: self.capacity)
    }

    deinit {
        pointer.deinitialize(count: capacity)
        pointer.deallocate()
    }

    /// Grows to at least `count` elements, keeping the stored ones.
    @inline(__always)
    func reserve(_ count: Int) {
        if count > capacity { grow(count) }
    }

    private func grow(_ count: Int) {
        let newCapacity = Swift.max(count, capacity * 2)
        let p = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        p.moveInitialize(from: pointer, count: capacity)
        (p + capacity).initialize(repeating: zero, count: newCapacity - capacity)
        pointer.deallocate()
        pointer = p
        capacity = newCapacity
    }

    /// The first `count` elements, read-only.
    func view(_ count: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: pointer, count: Swift.min(count, capacity))
    }

    subscript(i: Int) -> Element {
        @inline(__always) get { pointer[i] }
        @inline(__always) set { pointer[i] = newValue }
    }
}
