/// The environments the runner knows, by id (docs/architecture.md, "Environments").
///
/// The built-in environments (`builtIn`) are registered first; `register(_:)` adds one at run
/// time, for example one stepped in another process, and from then on it is listed, read from
/// experiment files, validated and trained like the built-in ones. Registration is safe from
/// any thread.
public enum EnvironmentRegistry {
    /// The registered descriptors, built-in first, then in the order they were registered.
    private static let store = NamedRegistry(builtIn, name: \.id)

    /// Every registered environment, built-in first (classic-control, then tabular).
    public static var all: [EnvironmentDescriptor] { store.all }

    /// The registered ids, in listing order.
    public static var ids: [String] { all.map(\.id) }

    /// The descriptor of `id`, or nil if it is not registered.
    public static func descriptor(id: String) -> EnvironmentDescriptor? {
        store.entry(named: id)
    }

    /// Adds `descriptor` after the registered ones. Throws `EnvironmentError.duplicateEnvironment`
    /// when its id is taken.
    public static func register(_ descriptor: EnvironmentDescriptor) throws {
        guard store.register(descriptor) else { throw EnvironmentError.duplicateEnvironment(descriptor.id) }
    }

    /// The environment `id` with `params` and the time limit (the environment's own when nil);
    /// see `EnvironmentDescriptor.make`. Throws `EnvironmentError.unknownEnvironment` for an
    /// unregistered id.
    public static func make(id: String, params: EnvironmentParameters = [:], maxEpisodeSteps: Int? = nil) throws
        -> any Environment
    {
        guard let descriptor = descriptor(id: id) else { throw EnvironmentError.unknownEnvironment(id) }
        return try descriptor.make(params: params, maxEpisodeSteps: maxEpisodeSteps)
    }
}
