#!/usr/bin/env bash
# A baseline study split into 4 shards run as separate processes by GNU parallel, one of them
# killed mid-run and run again, then merged: the merged directory must equal the study run
# whole, byte for byte.  usage: parallel_shards.sh GAPSIM SCENARIO WORKDIR
set -euo pipefail
gapsim=$1
scenario=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
runs=100000

"$gapsim" mc "$scenario" --runs "$runs" --seed 11 -o "$work/whole" --quiet >/dev/null

# Shard 2 is killed 0.2 s in (its 25,000 runs take about 0.7 s) and run again, as a
# scheduler's requeue would.
status=0
timeout -s KILL 0.2 "$gapsim" mc "$scenario" --runs "$runs" --seed 11 --shard 2/4 \
  --threads 1 -o "$work/shard2" --quiet >/dev/null 2>&1 || status=$?
[ "$status" -eq 137 ] || { echo "shard 2 was not killed mid-run (exit $status)" >&2; exit 1; }
parallel --halt now,fail=1 "$gapsim" mc "$scenario" --runs "$runs" --seed 11 --shard {}/4 \
  --threads 1 -o "$work/shard{}" --quiet ::: 1 2 3 4 >/dev/null

"$gapsim" merge "$work/shard1" "$work/shard2" "$work/shard3" "$work/shard4" -o "$work/merged" >/dev/null
name=$(basename "$scenario" .ini)
diff -r "$work/whole/$name" "$work/merged/$name"
leftovers=$(find "$work" -name '.*staging*' -o -name '*.tmp.*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "temporary files left: $leftovers" >&2; exit 1; }
echo "merged 4 shards run by GNU parallel (one killed and rerun): identical to the whole study"
