// Benchmarks: run with `make bench` (release build).
print("benchmarks")
