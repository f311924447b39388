# PolicyGradientLab — build, test, run, benchmark.
SWIFT ?= swift
CONFIG ?= experiments/a2c.yaml

.PHONY: build release test run plots bench check clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

test:
	$(SWIFT) test

run:
	$(SWIFT) run runner $(CONFIG)

bench:
	$(SWIFT) run -c release runner-bench

clean:
	rm -rf .build
