import Benchmark
import CorePeak

/// The core's measured floating-point peak on one thread (AVX2, eight lanes): twelve independent
/// chains of `a = a + m·b`, unfused as the dense kernels compute, and the same with fused
/// multiply-add. The kernels' GFLOP/s (`KernelBenchmarks`) and the training runs' arithmetic
/// (docs/architecture.md, "Speed") read as fractions of it.
enum PeakBenchmarks {
    static func register() {
        register("peak     AVX2 multiply, then add (unfused)", core_peak_multiply_add)
        register("peak     AVX2 fused multiply-add", core_peak_fused)
    }

    static func register(_ name: String, _ probe: @escaping @Sendable (Int) -> Float) {
        let steps = 50_000_000
        Benchmark(name, configuration: .init(metrics: [.wallClock, KernelBenchmarks.gigaflops])) { benchmark in
            let start = BenchmarkClock.now
            let value = probe(steps)
            let seconds = Double((BenchmarkClock.now - start).nanoseconds()) / 1e9
            // NaN: this machine has no AVX2; nothing to report.
            guard !value.isNaN else { return }
            blackHole(value)
            let flops = Double(steps) * Double(CORE_PEAK_FLOPS_PER_STEP)
            benchmark.measurement(KernelBenchmarks.gigaflops, Int((flops / seconds / 1e8).rounded()))
        }
    }
}
