#!/usr/bin/env bash
# Starts a single-node SLURM cluster on this machine (munged, slurmctld, slurmd), for the
# cluster tests: one node (this host, reached on 127.0.0.1), its CPUs, one partition `debug`,
# no cgroups, state in a temporary folder. Waits until `sinfo` shows the node idle.
#
# The configuration goes to /etc/slurm/slurm.conf, where the client commands (sbatch, squeue,
# scontrol) look, unless a slurm.conf not written by this script is already there: then
# nothing is started and the script exits 1. Run again: stops what it started before, restarts.
# tools/slurm/stop.sh stops the daemons. Needs root and the Debian packages slurm-wlm, munge.
set -euo pipefail

marker="# written by tools/slurm/start.sh"
conf=/etc/slurm/slurm.conf
state=${SLURM_TEST_STATE:-/tmp/runner-slurm}

for tool in munged slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || { echo "start.sh: $tool is not installed (apt-get install slurm-wlm munge)" >&2; exit 1; }
done
if [ -e "$conf" ] && ! grep -qF "$marker" "$conf"; then
    echo "start.sh: $conf exists and was not written by this script; leaving the cluster alone" >&2
    exit 1
fi

"$(dirname "$0")/stop.sh" >/dev/null 2>&1 || true

host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
rm -rf "$state"
mkdir -p "$state/ctld" "$state/d" /etc/slurm
cat >"$conf" <<CONF
$marker
ClusterName=runnertest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MaxArraySize=1001
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

# munged: a key (the package makes one; make one if it did not), its socket folder.
if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 2>/dev/null
fi
chown munge:munge /etc/munge/munge.key 2>/dev/null || true
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
if ! munge -n </dev/null >/dev/null 2>&1; then
    if id munge >/dev/null 2>&1; then
        runuser -u munge -- munged
    else
        munged --force
    fi
fi

slurmctld -i
slurmd

for _ in $(seq 1 120); do
    if sinfo -h -N -o '%T' 2>/dev/null | grep -qx idle; then
        echo "SLURM is up: node $host, $cpus CPUs, partition debug (state in $state)"
        exit 0
    fi
    sleep 1
done
echo "start.sh: the node did not become idle within 120 s; logs in $state" >&2
sinfo -N >&2 || true
tail -n 20 "$state/slurmctld.log" "$state/slurmd.log" >&2 || true
exit 1
