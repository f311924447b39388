// Benchmarks of PolicyGradientLab, run by `make bench` in a release build.
// Figures are wall-clock medians on this machine; compare them as ratios within one run.
//
//   runner-bench                     parse+validate, dense kernels, training and environment throughput
//   runner-bench --learn             the CartPole learning runs (A2C 500k, PPO 100k; 5 seeds)
//   runner-bench --experiment FILE   train every job of an experiment file, print final returns
let modes = CommandLine.arguments.dropFirst().filter { $0.hasPrefix("--") }
if modes.isEmpty {
    print("PolicyGradientLab benchmarks\n")
    try ParseBenchmark.run()
    KernelBenchmark.run()
}
try TrainingBenchmark.run()
if modes.isEmpty {
    print("""

        To compare with Stable-Baselines3 on this machine (one thread, the same settings):
          pip install stable-baselines3 gymnasium
          python3 tools/sb3_a2c_speed.py && python3 tools/sb3_ppo_speed.py
        and divide the A2C and PPO figures above by the ones they print.
        """)
}
