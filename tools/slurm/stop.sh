#!/usr/bin/env bash
# Stops the SLURM daemons tools/slurm/start.sh started (by the pid files it chose); leaves
# munged, which other programs may use.
set -u
state=${SLURM_TEST_STATE:-/tmp/runner-slurm}
for daemon in slurmd slurmctld; do
    file="$state/$daemon.pid"
    if [ -s "$file" ]; then
        pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
done
