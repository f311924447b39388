/// What a worker reports once its copies are built: the spaces and the software that runs them.
public struct GymnasiumHandshake: Sendable, Equatable {
    /// `platform.python_version()`, e.g. `3.11.7`.
    public var pythonVersion: String
    /// Versions of `numpy`, `gymnasium`, the package that defines the environment and the extra
    /// imports, and of `mujoco` and `Box2D` when loaded, by import name.
    public var packageVersions: [String: String]
    public var observationSpace: GymnasiumSpace
    public var actionSpace: GymnasiumSpace

    public init(
        pythonVersion: String, packageVersions: [String: String], observationSpace: GymnasiumSpace,
        actionSpace: GymnasiumSpace
    ) {
        self.pythonVersion = pythonVersion
        self.packageVersions = packageVersions
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
    }
}
