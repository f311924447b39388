# PolicyGradientLab — build, test, run, plots, benchmarks, the CI gate.
SWIFT ?= swift
CONFIG ?= experiments/a2c.yaml
RESULTS ?= results

.PHONY: build release test check run plots bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The test suites, then the regression gate on the seconds-long CI experiment.
test:
	$(SWIFT) test
	$(MAKE) check

# Fails when a cell's final return fell below results/reference/ci.csv. --force: the jobs
# rerun on the current code (job ids hash the configuration, not the code).
check:
	$(SWIFT) run runner check experiments/ci.yaml --results $(RESULTS) --force

run:
	$(SWIFT) run runner $(CONFIG) --results $(RESULTS)

# Rebuild an experiment's report and render its plots (needs gnuplot).
EXPERIMENT ?= a2c-cartpole
plots:
	$(SWIFT) run runner report $(RESULTS)/$(EXPERIMENT) --render png

bench:
	$(SWIFT) build -c release --product runner-bench
	.build/release/runner-bench

# The build and every results folder, but not the committed references.
clean:
	rm -rf .build
	find $(RESULTS) -mindepth 1 -maxdepth 1 ! -name reference -exec rm -rf {} + 2>/dev/null || true
