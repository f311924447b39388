// Benchmarks of PolicyGradientLab, run by `make bench` in a release build.
// Figures are wall-clock medians on this machine; compare them as ratios within one run.
print("PolicyGradientLab benchmarks\n")
try ParseBenchmark.run()
try TrainingBenchmark.run()

print("""

    To compare with Stable-Baselines3 on this machine (one thread, the same A2C settings):
      pip install stable-baselines3 gymnasium && python3 tools/sb3_a2c_speed.py
    and divide the A2C figure above by the one it prints.
    """)
