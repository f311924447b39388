/// An optimizer's running state, to save and restore a run: steps taken and its
/// per-parameter buffers (Adam: m and v; RMSprop: the squared-gradient average; SGD: the
/// momentum buffer).
public struct OptimizerState: Codable, Sendable, Equatable {
    public var stepCount: Int
    public var buffers: [[Float]]

    public init(stepCount: Int, buffers: [[Float]]) {
        self.stepCount = stepCount
        self.buffers = buffers
    }

    /// Copies saved buffer `index` into `target` after checking its length.
    func copy(_ index: Int, into target: UnsafeMutablePointer<Float>, count: Int) throws {
        guard index < buffers.count, buffers[index].count == count else {
            throw TrainerError("the saved optimizer state does not match this optimizer's \(count) parameters")
        }
        target.update(from: buffers[index], count: count)
    }
}
