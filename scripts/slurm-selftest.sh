#!/usr/bin/env bash
# Proves that a sweep spread over a Slurm cluster gives the same table as one machine.
#
# Stands up a one-node Slurm cluster from Debian's packages (munge, slurmctld, slurmd on
# this host), submits a sweep as a 4-task array job (scripts/slurm/sweep-array.sbatch),
# merges the shards, runs the same sweep on one machine, and compares the tables byte for
# byte. Needs root (it starts daemons and installs packages when missing). Stops every
# daemon it started, even when a step fails. Exits 0 only when the tables are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-selftest: must run as root (it starts munge and Slurm daemons)" >&2
  exit 1
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm-selftest: installing slurm-wlm and munge" >&2
  apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null; }
fi

onestop="$root/.build/release/onestop"
[ -x "$onestop" ] || swift build -c release --product onestop >&2

work=$(mktemp -d /tmp/onestop-slurm.XXXXXX)
chmod 755 "$work"
passed=0
cleanup() {
  # Every daemon started here names $work on its command line.
  pkill -f -- "$work/" 2>/dev/null || true
  sleep 1
  pkill -9 -f -- "$work/" 2>/dev/null || true
  if [ "$passed" = 1 ]; then rm -rf "$work"; else echo "slurm-selftest: logs kept in $work" >&2; fi
}
trap cleanup EXIT

# munge: a key, its directories, the daemon (as the munge user).
mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
[ -f /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
chmod 400 /etc/munge/munge.key
chmod 755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  su -s /bin/sh munge -c "munged --pid-file=$work/munged.pid" || sudo -u munge munged --pid-file="$work/munged.pid"
  sleep 1
fi
munge -n | unmunge >/dev/null

# Slurm: one node (this host) with its CPUs, one partition.
host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
mkdir -p "$work/state" "$work/spool"
cat >"$work/slurm.conf" <<CONF
ClusterName=onestop-selftest
SlurmctldHost=$host
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 1
done
sinfo >&2

# The sweep: 3 × 2 points of the default scenario, shortened.
sweep=(--vary centre.counter_staff=2,3,4 --vary centre.back_office_staff=4:5:1 --set horizon.days=28 --replications 4)
echo "slurm-selftest: submitting a 4-task array job" >&2
ONESTOP="$onestop" sbatch --wait --array=0-3 --chdir="$work" --output="$work/task-%a.out" \
  "$root/scripts/slurm/sweep-array.sbatch" "$work/cluster" "$root/scenarios/default.yaml" "${sweep[@]}" >&2
cat "$work"/task-*.out >&2 || true
"$onestop" merge "$work/cluster/merged" "$work"/cluster/shard-* >&2
"$onestop" sweep "$root/scenarios/default.yaml" "${sweep[@]}" --out "$work/single" --quiet
for table in sweep.csv replications.csv; do
  if ! cmp -s "$work/cluster/merged/$table" "$work/single/$table"; then
    echo "slurm-selftest: FAILED: $table differs between the cluster and one machine" >&2
    diff "$work/cluster/merged/$table" "$work/single/$table" | head -5 >&2
    exit 1
  fi
done
rows=$(($(wc -l <"$work/single/sweep.csv") - 1))
echo "slurm-selftest: OK: the array job's merged sweep ($rows points) is byte-identical to the single-machine run"
passed=1
