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

        /// The shape of the environment `settings` name: the descriptor's sizes when it states
        /// them (a classic-control id), else those of the environment built from the settings.
        /// Throws what building it throws (`EnvironmentError` for an unknown id).
        public init(_ settings: TrainerSettings.Environment) throws {
            if case .registered(let id, _) = settings.source, let descriptor = EnvironmentRegistry.descriptor(id: id),
                !descriptor.isTabular, let observationSize = descriptor.observationSize,
                let space = descriptor.actionSpace
            {
                self.init(
                    observationSize: observationSize, actionSpace: space,
                    horizon: settings.maxEpisodeSteps ?? descriptor.defaultMaxEpisodeSteps ?? Int.max)
            } else if case .external(let external) = settings.source {
                let factory = try EnvironmentBackends.open(external, maxEpisodeSteps: settings.maxEpisodeSteps)
                self.init(
                    observationSize: factory.observationSize, actionSpace: factory.actionSpace,
                    horizon: settings.maxEpisodeSteps ?? Int.max)
            } else {
                self.init(try settings.makeEnvironment())
            }
        }

        /// The shape of `environment` with its time limit; a tabular one's from its MDP.
        public init(_ environment: some Environment) {
            if let tabular = environment as? TabularEnvironment {
                let mdp = tabular.mdp
                self.init(
                    observationSize: mdp.states, actionWidth: mdp.actions, isContinuous: false,
                    horizon: tabular.maxEpisodeSteps, endsOnlyAtTimeLimit: !mdp.terminal.contains(true),
                    tabularStates: mdp.states)
            } else {
                self.init(
                    observationSize: environment.observationSize, actionSpace: environment.actionSpace,
                    horizon: environment.maxEpisodeSteps)
            }
        }

        /// A shape whose episodes may end before the time limit (no finite MDP behind it).
        init(observationSize: Int, actionSpace: ActionSpace, horizon: Int) {
            let (width, continuous): (Int, Bool)
            switch actionSpace {
            case .discrete(let actions): (width, continuous) = (actions, false)
            case .continuous(let dimension, _, _): (width, continuous) = (dimension, true)
            }
            self.init(
                observationSize: observationSize, actionWidth: width, isContinuous: continuous, horizon: horizon,
                endsOnlyAtTimeLimit: false)
        }
    }
}
