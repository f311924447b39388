extension MemoryFootprint {
    /// The sizes of an environment that the footprint depends on.
    public struct EnvironmentShape: Sendable, Equatable {
        /// Floats per observation.
        public var observationSize: Int
        /// Actions (discrete) or the action dimension (continuous).
        public var actionWidth: Int
        public var isContinuous: Bool
        /// The time limit H.
        public var horizon: Int
        /// Whether every episode lasts exactly H steps (no terminal state), so a REINFORCE
        /// update takes at least `⌈W/N⌉ · N · H` steps.
        public var endsOnlyAtTimeLimit: Bool
        /// States of a tabular MDP (0 for a classic-control environment).
        public var tabularStates: Int

        public init(
            observationSize: Int, actionWidth: Int, isContinuous: Bool, horizon: Int, endsOnlyAtTimeLimit: Bool,
            tabularStates: Int = 0
        ) {
            self.observationSize = observationSize
            self.actionWidth = actionWidth
            self.isContinuous = isContinuous
            self.horizon = horizon
            self.endsOnlyAtTimeLimit = endsOnlyAtTimeLimit
            self.tabularStates = tabularStates
        }

        /// The shape of the environment `settings` name: the registry's sizes for a classic-control
        /// id, the MDP's for a tabular one. Throws `TrainerError` for an unknown id.
        public init(_ settings: TrainerSettings.Environment) throws {
            switch settings.source {
            case .classic(let id):
                guard let descriptor = EnvironmentRegistry.descriptor(id: id), !descriptor.isTabular,
                    let observationSize = descriptor.observationSize, let space = descriptor.actionSpace
                else { throw TrainerError("unknown environment id '\(id)'") }
                let (width, continuous): (Int, Bool)
                switch space {
                case .discrete(let actions): (width, continuous) = (actions, false)
                case .continuous(let dimension, _, _): (width, continuous) = (dimension, true)
                }
                self.init(
                    observationSize: observationSize, actionWidth: width, isContinuous: continuous,
                    horizon: settings.maxEpisodeSteps ?? descriptor.defaultMaxEpisodeSteps ?? Int.max,
                    endsOnlyAtTimeLimit: false)
            case .tabular(let mdp):
                self.init(
                    observationSize: mdp.states, actionWidth: mdp.actions, isContinuous: false,
                    horizon: settings.maxEpisodeSteps ?? mdp.horizon, endsOnlyAtTimeLimit: !mdp.terminal.contains(true),
                    tabularStates: mdp.states)
            }
        }
    }
}
