#!/usr/bin/env bash
# A real single-node Slurm cluster (Debian's slurmctld, slurmd and munge, as root) runs a
# baseline study as a job array of 4 shards with examples/slurm/mc_shards.sbatch; one task is
# requeued while it runs (Slurm kills it and runs it again); the merged shards must equal the
# study run whole, byte for byte.  usage: slurm_shards.sh GAPSIM SCENARIO WORKDIR
set -euo pipefail
gapsim=$1
scenario=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
sbatch_script="$here/../../examples/slurm/mc_shards.sbatch"
runs=400000  # a shard takes a few seconds, long enough to be caught running

rm -rf "$work"
mkdir -p "$work"/{state,spool,log,jobs}
export SLURM_CONF="$work/slurm.conf"
host=$(hostname)
cat >"$SLURM_CONF" <<CONF
ClusterName=gapsimtest
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobRequeue=1
NodeName=$host CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

started_munge=no
stop_cluster() {
  local pids=()
  for pid_file in "$work/slurmctld.pid" "$work/slurmd.pid"; do
    [ -f "$pid_file" ] && pids+=("$(cat "$pid_file")")
  done
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do  # up to 10 s for the daemons to shut down
    kill -0 "${pids[@]}" 2>/dev/null || break
    sleep 0.25
  done
  if [ "$started_munge" = yes ] && [ -f /run/munge/munged.pid ]; then
    kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
  fi
}
trap stop_cluster EXIT

# wait_for SECONDS COMMAND...: polls every 0.25 s until COMMAND succeeds.
wait_for() {
  local limit=$(($1 * 4))
  shift
  for ((i = 0; i < limit; i++)); do
    "$@" && return 0
    sleep 0.25
  done
  echo "timed out waiting for: $*" >&2
  return 1
}

if ! munge -n >/dev/null 2>&1; then
  mkdir -p /run/munge
  chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
  started_munge=yes
  wait_for 10 bash -c 'munge -n >/dev/null 2>&1'
fi
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
wait_for 30 bash -c 'sinfo -h -o %t 2>/dev/null | grep -qx idle'

job=$(GAPSIM="$gapsim" sbatch --parsable --export=ALL --array=1-4 --chdir="$work/jobs" "$sbatch_script" \
  "$scenario" "$runs" 11 "$work/jobs")
wait_for 60 bash -c "[ \"\$(squeue -h -j ${job}_2 -o %T 2>/dev/null)\" = RUNNING ]"
sleep 0.5
scontrol requeue "${job}_2"
# Slurm holds a requeued job back for two minutes; let it start again now.
wait_for 30 bash -c "[ \"\$(squeue -h -j ${job}_2 -o %T 2>/dev/null)\" = PENDING ]"
scontrol update JobId="${job}_2" StartTime=now
wait_for 300 bash -c "[ -z \"\$(squeue -h -j $job 2>/dev/null)\" ]"

restarts=$(scontrol show job "${job}_2" | grep -oE 'Restarts=[0-9]+')
[ "$restarts" = "Restarts=1" ] || { echo "task 2 was not requeued ($restarts)" >&2; exit 1; }
grep -q "DUE TO JOB REQUEUE" "$work/jobs/slurm-${job}_2.out" ||
  { echo "task 2 was not killed while running" >&2; exit 1; }

"$gapsim" mc "$scenario" --runs "$runs" --seed 11 -o "$work/whole" --quiet >/dev/null
"$gapsim" merge "$work"/jobs/shard{1,2,3,4} -o "$work/merged" >/dev/null
name=$(basename "$scenario" .ini)
diff -r "$work/whole/$name" "$work/merged/$name"
echo "Slurm job array of 4 shards (task 2 requeued while running) merged: identical to the whole study"
