// swift-tools-version: 6.0
import PackageDescription

/// Numeric code is compiled with optimization even in debug builds, so that
/// `swift run` and `swift test` do not crawl (docs/architecture.md, "Speed").
let optimizedInDebug: [SwiftSetting] = [
    .unsafeFlags(["-O"], .when(configuration: .debug))
]

let package = Package(
    name: "PolicyGradientLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "runner", targets: ["runner"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Experiment", targets: ["Experiment"]),
        .library(name: "PolicyGradient", targets: ["PolicyGradient"]),
        .library(name: "GymnasiumBridge", targets: ["GymnasiumBridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Text made safe to print on a terminal: YAML's diagnostics, the sweep's progress and
        // the console all escape through it, and none of them needs another's module for it.
        .target(name: "Terminal"),
        .target(name: "YAML", dependencies: ["CYAML", "Terminal"]),
        .target(
            name: "Experiment",
            dependencies: ["YAML", "PolicyGradient", .product(name: "Crypto", package: "swift-crypto")]),
        // The dense kernels, in C so that one source compiles for AVX-512, AVX2 and any x86-64; the
        // version the machine runs is picked at run time (docs/architecture.md, "Speed").
        .target(name: "CDenseKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "PolicyGradient", dependencies: ["CDenseKernels"], swiftSettings: optimizedInDebug),
        // posix_spawn with pipes, a working directory and default signals, which Swift's Glibc
        // module does not declare (docs/architecture.md, "Child processes").
        .target(name: "CChildSpawn"),
        // TensorBoard event files: TFRecord framing and the events, encoded with swift-protobuf
        // from trimmed TensorBoard protos generated once (docs/tensorboard.md); no files.
        .target(
            name: "TensorBoard",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Protos"]),
        .target(
            name: "Results",
            dependencies: [
                "PolicyGradient", "CChildSpawn",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // Gymnasium environments stepped by Python worker processes through shared memory; the
        // worker's source is compiled in, so that a node without a checkout can run it
        // (docs/environments.md, "Gymnasium environments in worker processes: the transport").
        .target(
            name: "GymnasiumBridge",
            dependencies: ["PolicyGradient", "Results", "CChildSpawn"],
            resources: [.embedInCode("worker.py")]),
        // A saved policy in other libraries' formats: Stable-Baselines3's zip, built by the
        // configured Python with a compiled-in script (docs/policy-format.md).
        .target(
            name: "PolicyExport",
            dependencies: ["YAML", "Experiment", "PolicyGradient", "Results", "GymnasiumBridge"],
            resources: [.embedInCode("sb3_export.py")]),
        .target(
            name: "Report",
            dependencies: ["Experiment", "PolicyGradient", "Results"]),
        .target(
            name: "Sweep",
            dependencies: [
                "Experiment", "PolicyGradient", "Results", "Terminal", "TensorBoard", "YAML",
                .product(name: "SystemPackage", package: "swift-system"),
            ]),
        .target(
            name: "RunnerCLI",
            dependencies: [
                "YAML", "Experiment", "PolicyGradient", "Results", "Report", "Sweep", "Terminal", "GymnasiumBridge",
                "PolicyExport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "runner", dependencies: ["RunnerCLI"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Terminal"]),
        .testTarget(name: "ExperimentTests", dependencies: ["Experiment", "YAML", "PolicyGradient", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PolicyGradientTests", dependencies: ["PolicyGradient", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        // What several test targets share (a temporary folder, a recording training sink, a tolerance check).
        .target(name: "TestSupport", dependencies: ["PolicyGradient", "GymnasiumBridge"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorBoardTests", dependencies: ["TensorBoard"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "PolicyGradient", "TestSupport"]),
        .testTarget(name: "GymnasiumBridgeTests", dependencies: ["GymnasiumBridge", "PolicyGradient", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Results", "Experiment", "PolicyGradient", "TestSupport"]),
        .testTarget(
            name: "SweepTests",
            dependencies: ["Sweep", "Results", "Report", "Experiment", "PolicyGradient", "TensorBoard", "TestSupport"]),
        .testTarget(
            name: "RunnerCLITests",
            dependencies: [
                "RunnerCLI", "Sweep", "Results", "Experiment", "YAML", "PolicyGradient", "PolicyExport", "TestSupport",
            ],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
