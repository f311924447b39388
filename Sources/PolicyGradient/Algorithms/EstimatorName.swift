extension TrainerSettings {
    /// An estimator's name as the experiment file writes it (`estimator.name`); open, so that a
    /// registered `PolicyGradientAlgorithm` adds one. `algorithm` is the estimator it names.
    public struct EstimatorName: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        public let rawValue: String

        /// The name of a registered estimator; nil for any other spelling (so that decoding an
        /// unknown name fails).
        public init?(rawValue: String) {
            let name = EstimatorName(rawValue)
            guard PolicyGradientAlgorithms.named(name) != nil else { return nil }
            self = name
        }

        /// The name spelled `rawValue`, registered or not.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public static let reinforce = EstimatorName("reinforce")
        public static let actorCritic = EstimatorName("actor_critic")
        public static let a2c = EstimatorName("a2c")
        public static let gae = EstimatorName("gae")
        public static let ppo = EstimatorName("ppo")

        /// Every registered estimator's name.
        public static var allCases: [EstimatorName] { PolicyGradientAlgorithms.all.map(\.name) }

        /// The registered estimator of this name.
        public var algorithm: any PolicyGradientAlgorithm {
            guard let algorithm = PolicyGradientAlgorithms.named(self) else {
                preconditionFailure("no estimator named '\(rawValue)' is registered")
            }
            return algorithm
        }

        public var description: String { rawValue }
    }
}
