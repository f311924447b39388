/// The environments a Python's Gymnasium has registered (`gymnasium.registry`), as
/// `runner env list --gymnasium` prints them.
package enum GymnasiumRegistry {
    /// One registered environment.
    package struct Entry: Decodable, Sendable, Equatable {
        package var id: String
        /// `module:attribute` as registered, or the registered callable's module and name.
        package var entry_point: String
    }

    /// Every id registered once `imports` are imported (after putting `searchPaths` in front of
    /// `sys.path`), sorted: worker.py answers a first `list` command and exits.
    package static func entries(
        interpreter explicit: String? = nil, imports: [String] = [], searchPaths: [String] = []
    ) throws(GymnasiumBridgeError) -> [Entry] {
        let interpreter = try PythonInterpreter.resolve(explicit: explicit)
        let worker = try GymnasiumWorker(
            interpreter: interpreter, source: String(decoding: PackageResources.worker_py, as: UTF8.self))
        defer { worker.end(grace: 0) }
        try worker.send(
            PythonValue.dictionary([
                "command": .string("list"), "imports": .list(imports.map(PythonValue.string)),
                "search_paths": .list(searchPaths.map(PythonValue.string)),
            ]).json,
            stoppingWhen: nil)
        let reply = try GymnasiumWorkerPool.awaitReplies(
            from: [worker], spec: GymnasiumEnvironmentSpec(id: ""), interpreter: interpreter, copiesPerWorker: 1,
            stoppingWhen: nil)[0]
        guard let environments = reply.environments else {
            throw .protocolViolation("a list reply without its environments")
        }
        return environments
    }
}
