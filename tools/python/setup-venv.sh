#!/usr/bin/env bash
# Creates .venv-gym/ (git-ignored) with Gymnasium, MuJoCo and NumPy from PyPI, for the Gymnasium
# worker tests; TensorBoard, whose reader checks the runner's event files (docs/tensorboard.md);
# and Stable-Baselines3 with a CPU-only PyTorch, for `runner export --format sb3`. Prints the
# venv's python, as an absolute path, on its last line. Quick when the venv already imports
# everything. Box2D joins only when it installs from a wheel (it needs a compiler otherwise).
#   PYTHON=python3.12 bash tools/python/setup-venv.sh [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${1:-.venv-gym}"
python="${PYTHON:-python3}"
venv_python="$venv/bin/python"
modules="gymnasium, numpy, mujoco, tensorboard, torch, stable_baselines3"

if [ -x "$venv_python" ] && "$venv_python" -c "import $modules, pygame" 2>/dev/null; then
    echo "$(cd "$venv" && pwd)/bin/python"
    exit 0
fi

"$python" -m venv "$venv" >&2
"$venv_python" -m pip install --quiet --upgrade pip >&2
# The versions the tests were written against, so that a new release cannot change them unseen.
"$venv_python" -m pip install --quiet "gymnasium[mujoco]==1.4.0" "mujoco==4.0.1" "numpy==2.4.6" "tensorboard==2.20.0" >&2
# PyPI's Linux torch wheel pulls about 2 GB of CUDA libraries; the CPU build (about 190 MB,
# version `2.13.0+cpu`) is found through pip's find-links where the machine has it, else on
# PyTorch's own index; PyPI's build of the same version is the last resort. Stable-Baselines3
# then finds its torch requirement met.
"$venv_python" -m pip install --quiet "torch==2.13.0+cpu" >&2 2>/dev/null \
    || "$venv_python" -m pip install --quiet --retries 1 --timeout 30 "torch==2.13.0+cpu" \
        --index-url https://download.pytorch.org/whl/cpu >&2 2>/dev/null \
    || "$venv_python" -m pip install --quiet "torch==2.13.0" >&2
"$venv_python" -m pip install --quiet "stable-baselines3==2.9.2" >&2
# Box2D's sdist needs swig and a compiler; only a prebuilt wheel is accepted.
# Gymnasium's Box2D module imports pygame (CarRacing) before LunarLander can be made.
"$venv_python" -m pip install --quiet --only-binary=:all: "box2d==2.3.10" "pygame==2.6.1" >&2 2>/dev/null \
    || echo "box2d or pygame has no wheel for this python; LunarLander and BipedalWalker are left out" >&2
"$venv_python" -c "import $modules" >&2
echo "$(cd "$venv" && pwd)/bin/python"
