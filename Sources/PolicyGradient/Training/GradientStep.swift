/// One optimizer step on the accumulated loss gradient: zeroing, global-norm clipping to
/// `max_grad_norm`, the optimizers, and the divergence checks.
///
/// There is one optimizer per distinct parameter buffer (policy, critic; one buffer with a
/// shared trunk); the rules being elementwise, this equals one optimizer over all parameters.
final class GradientStep {
    let buffers: [ParameterBuffer]
    let optimizers: [any Optimizer]
    let maxGradNorm: Float?
    /// ‖g‖₂ of the latest `apply`, before clipping (for `UpdateStatistics.gradNorm`).
    private(set) var lastNorm = Float.nan

    init(buffers: [ParameterBuffer], optimizer: OptimizerConfiguration, maxGradNorm: Double?) {
        self.buffers = buffers
        self.optimizers = buffers.map { optimizer.makeOptimizer(count: $0.count) }
        self.maxGradNorm = maxGradNorm.map { Float($0) }
    }

    /// Zeroes every buffer's gradient, before a loss is accumulated.
    func zeroGradients() {
        for buffer in buffers { buffer.zeroGradient() }
    }

    /// Clips, checks and applies the accumulated gradient. Returns false when the gradient norm
    /// or a parameter is not finite (the run has diverged).
    func apply(learningRate: Float) -> Bool {
        let norm: Float
        if let maxGradNorm {
            norm = GradientClipping.clipGlobalNorm(buffers, maxNorm: maxGradNorm)
        } else {
            norm = GradientClipping.globalNorm(buffers)
        }
        lastNorm = norm
        guard norm.isFinite else { return false }
        for (buffer, optimizer) in zip(buffers, optimizers) { optimizer.step(buffer, learningRate: learningRate) }
        for buffer in buffers where !GradientClipping.sumOfSquares(buffer.values, buffer.count).isFinite {
            return false
        }
        return true
    }
}
