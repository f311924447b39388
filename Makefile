# PolicyGradientLab — build, test, run, plots, benchmarks, the CI gate.
SWIFT ?= swift
CONFIG ?= experiments/a2c.yaml
RESULTS ?= results

.PHONY: build release static test test-cluster check run plots bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The runner cluster tasks run: release, the Swift runtime linked statically (nodes need no
# toolchain, only libyaml), in .build/static/release/runner. `runner submit` stages a copy of
# it, running this same build when the submitting runner is not statically linked itself.
static:
	$(SWIFT) build -c release --static-swift-stdlib --product runner --scratch-path .build/static

# The SLURM tests stage the static runner, so it is built first, on Linux (macOS has the
# Swift runtime in the system: a runner there is staged as it is).
STATIC_FIRST := $(if $(filter Linux,$(shell uname -s)),static)

# The test suites, then the regression gate on the seconds-long CI experiment.
test: $(STATIC_FIRST)
	$(SWIFT) test
	$(MAKE) check

# The SLURM cluster tests alone, against a single-node SLURM started here (needs root and the
# Debian packages slurm-wlm and munge) and stopped afterwards, whatever the tests' outcome;
# their tasks run the static runner, built first.
# RUNNER_REQUIRE_SLURM=1: a cluster that does not answer fails the tests instead of skipping them.
test-cluster: $(STATIC_FIRST)
	trap 'bash tools/slurm/stop.sh' EXIT; bash tools/slurm/start.sh && RUNNER_REQUIRE_SLURM=1 $(SWIFT) test --filter Slurm

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

# Speed, through package-benchmark (the package in Benchmarks/): the core's measured peak, the
# dense kernels' GFLOP/s in every compiled version, training and environment steps/s, parsing;
# Gymnasium environments through the bridge beside a plain Python loop on them (RUNNER_PYTHON's
# Gymnasium), and PPO with rl-zoo3's HalfCheetah settings through it; then Stable-Baselines3's
# A2C, PPO and (with MuJoCo) HalfCheetah PPO steps/s on the same settings and one thread when
# PYTHON can import it. Compare them as ratios taken in this one sitting.
PYTHON ?= python3
bench:
	cd Benchmarks && $(SWIFT) package benchmark
	@gym_python="$${RUNNER_PYTHON:-$(PYTHON)}"; if "$$gym_python" -c "import gymnasium, mujoco" 2>/dev/null; then \
		"$$gym_python" tools/gymnasium_speed.py; \
	else \
		echo "Gymnasium with MuJoCo is not importable by $$gym_python; set RUNNER_PYTHON (tools/python/setup-venv.sh)."; \
	fi
	@if $(PYTHON) -c "import stable_baselines3" 2>/dev/null; then \
		$(PYTHON) tools/sb3_speed.py a2c --steps 30000 && $(PYTHON) tools/sb3_speed.py ppo --steps 20000; \
		if $(PYTHON) -c "import mujoco" 2>/dev/null; then $(PYTHON) tools/sb3_speed.py ppo-halfcheetah --steps 5120; fi; \
	else \
		echo "Stable-Baselines3 is not importable by $(PYTHON); set PYTHON= to a python that has it."; \
	fi

# The build and every results folder, but not the committed references.
clean:
	rm -rf .build
	find $(RESULTS) -mindepth 1 -maxdepth 1 ! -name reference -exec rm -rf {} + 2>/dev/null || true
