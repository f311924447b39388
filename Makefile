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

# Fails when a cell's final return fell below results/reference/ci.csv.
check:
	$(SWIFT) run runner check experiments/ci.yaml --results $(RESULTS)

run:
	$(SWIFT) run runner $(CONFIG) --results $(RESULTS)

# Rebuild an experiment's report and render its plots (needs gnuplot).
EXPERIMENT ?= a2c-cartpole
plots:
	$(SWIFT) run runner report $(RESULTS)/$(EXPERIMENT) --render png

bench:
	$(SWIFT) build -c release --product runner-bench
	.build/release/runner-bench

clean:
	rm -rf .build $(RESULTS)
