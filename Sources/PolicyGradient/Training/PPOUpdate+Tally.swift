extension PPOUpdate {
    /// The running means of one update's minibatch values, as `PPO.train()` keeps its lists:
    /// the losses and clip fractions over every minibatch evaluated, the approximate KL over
    /// the current epoch's only (its list starts afresh each epoch), the gradient norm over the
    /// steps taken.
    struct Tally {
        var policyLoss = MinibatchMean()
        var valueLoss = MinibatchMean()
        var entropyLoss = MinibatchMean()
        var clipFraction = MinibatchMean()
        var approximateKL = MinibatchMean()
        var gradientNorm = MinibatchMean()
        /// L of the last minibatch evaluated.
        var lastLoss = Float.nan
        /// Epochs begun, the one `target_kl` stopped included.
        var epochsBegun = 0

        /// Starts an epoch: counts it and forgets the previous epoch's KL estimates.
        mutating func beginEpoch() {
            epochsBegun += 1
            approximateKL = MinibatchMean()
        }

        /// Adds a minibatch's loss parts; −H̄ is the entropy loss.
        mutating func add(_ loss: UpdateLoss, _ coefficients: UpdateLoss.Coefficients) {
            policyLoss.add(loss.policyLoss)
            if let value = loss.valueLoss { valueLoss.add(value) }
            entropyLoss.add(-loss.entropy)
            lastLoss = loss.total(coefficients)
        }

        /// Writes the means into `statistics`, with σ read from `policy` as it stands.
        func write(into statistics: inout UpdateStatistics, policy: PolicyModel) {
            statistics.updates = epochsBegun
            statistics.policyGradientLoss = policyLoss.mean
            statistics.valueLoss = valueLoss.mean
            statistics.entropyLoss = entropyLoss.mean
            statistics.clipFraction = clipFraction.mean
            statistics.approxKL = approximateKL.mean
            statistics.gradNorm = gradientNorm.mean
            statistics.loss = Double(lastLoss)
            statistics.std = UpdateStatistics.std(of: policy)
        }
    }
}
