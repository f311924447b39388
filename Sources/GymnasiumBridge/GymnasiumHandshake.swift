/// What a worker reports once its copies are built: the spaces and the software that runs them.
package struct GymnasiumHandshake: Sendable, Equatable {
    /// `platform.python_version()`, e.g. `3.11.7`.
    package var pythonVersion: String
    /// Versions of `numpy`, `gymnasium`, the package that defines the environment and the extra
    /// imports, and of `mujoco` and `Box2D` when loaded, by import name.
    package var packageVersions: [String: String]
    /// The time limit the environment was made with (`env.spec.max_episode_steps`); nil: none.
    package var maxEpisodeSteps: Int?
    /// Whether a copy's state, captured and restored in another copy, continued bit for bit in
    /// the worker's check; nil when the check was not asked for.
    package var stateCopy: Bool?
    package var observationSpace: GymnasiumSpace
    package var actionSpace: GymnasiumSpace

    package init(
        pythonVersion: String, packageVersions: [String: String], maxEpisodeSteps: Int? = nil,
        observationSpace: GymnasiumSpace, actionSpace: GymnasiumSpace
    ) {
        self.pythonVersion = pythonVersion
        self.packageVersions = packageVersions
        self.maxEpisodeSteps = maxEpisodeSteps
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
    }
}
