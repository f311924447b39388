import Benchmark

/// Every benchmark, registered for package-benchmark. Times are wall clock; compare figures as
/// ratios taken in one sitting (`make bench` also times Stable-Baselines3 on the same settings).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 20)
    PeakBenchmarks.register()
    KernelBenchmarks.register()
    TrainingBenchmarks.register()
    EnvironmentBenchmarks.register()
    BridgeBenchmarks.register()
    ParseBenchmark.register()
}
