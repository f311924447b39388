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

# Rebuild the report of CONFIG's results and render its plots (needs gnuplot).
plots:
	$(SWIFT) run runner report $(RESULTS)/$$($(SWIFT) run runner plan $(CONFIG) --format json >/dev/null && sed -n 's/^experiment: *//p' $(CONFIG) | head -n 1) --render png

bench:
	$(SWIFT) build -c release --product runner-bench
	.build/release/runner-bench

clean:
	rm -rf .build $(RESULTS)
