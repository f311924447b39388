// swift-tools-version: 6.1
import PackageDescription

/// The speed benchmarks of PolicyGradientLab, run by `make bench` through package-benchmark
/// (`swift package benchmark` in this folder). A package of its own, so that building and
/// testing the project never builds the benchmark harness.
let package = Package(
    name: "PolicyGradientLabBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "PolicyGradientLab", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The core's floating-point peak, in C so that the loop is exactly the arithmetic named.
        .target(name: "CorePeak", path: "CorePeak", cSettings: [.unsafeFlags(["-O2"])]),
        .executableTarget(
            name: "Throughput",
            dependencies: [
                "CorePeak",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PolicyGradient", package: "PolicyGradientLab"),
                .product(name: "Experiment", package: "PolicyGradientLab"),
                .product(name: "GymnasiumBridge", package: "PolicyGradientLab"),
            ],
            path: "Throughput",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
