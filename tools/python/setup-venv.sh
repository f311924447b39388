#!/usr/bin/env bash
# Creates .venv-gym/ (git-ignored) with Gymnasium, MuJoCo and NumPy from PyPI, for the Gymnasium
# worker tests, and Stable-Baselines3 with a CPU-only PyTorch, for `runner export --format sb3`;
# prints the venv's python, as an absolute path, on its last line. Quick when the venv already
# imports everything. Box2D joins only when it installs from a wheel (it needs a
# compiler otherwise).
#   PYTHON=python3.12 bash tools/python/setup-venv.sh [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${1:-.venv-gym}"
python="${PYTHON:-python3}"
venv_python="$venv/bin/python"

if [ -x "$venv_python" ] && "$venv_python" -c "import gymnasium, numpy, mujoco, pygame, torch, stable_baselines3" 2>/dev/null; then
    echo "$(cd "$venv" && pwd)/bin/python"
    exit 0
fi

"$python" -m venv "$venv" >&2
"$venv_python" -m pip install --quiet --upgrade pip >&2
# The versions the tests were written against, so that a new release cannot change them unseen.
"$venv_python" -m pip install --quiet "gymnasium[mujoco]==1.4.0" "mujoco==4.0.1" "numpy==2.4.6" >&2
# PyPI's Linux torch wheel pulls about 2 GB of CUDA libraries; the CPU build (about 190 MB) is on
# PyTorch's own index, and its local version `+cpu` is found nowhere else. Stable-Baselines3 then
# finds its torch requirement met.
"$venv_python" -m pip install --quiet "torch==2.13.0+cpu" --extra-index-url https://download.pytorch.org/whl/cpu >&2
"$venv_python" -m pip install --quiet "stable-baselines3==2.9.2" >&2
# Box2D's sdist needs swig and a compiler; only a prebuilt wheel is accepted.
# Gymnasium's Box2D module imports pygame (CarRacing) before LunarLander can be made.
"$venv_python" -m pip install --quiet --only-binary=:all: "box2d==2.3.10" "pygame==2.6.1" >&2 2>/dev/null \
    || echo "box2d or pygame has no wheel for this python; LunarLander and BipedalWalker are left out" >&2
"$venv_python" -c "import gymnasium, numpy, mujoco, torch, stable_baselines3" >&2
echo "$(cd "$venv" && pwd)/bin/python"
