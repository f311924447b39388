// Benchmarks of PolicyGradientLab, run by `make bench` in a release build.
// Figures are wall-clock medians on this machine; compare them as ratios within one run.
print("PolicyGradientLab benchmarks\n")
try ParseBenchmark.run()
try TrainingBenchmark.run()
