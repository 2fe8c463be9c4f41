#!/usr/bin/env bash
# The floor of (ii) (issue "Engine speed"): how fast can a JVM start the 2,000 tiny_sim runs at all, with the JNA
# posix_spawn sweeplab uses and nothing else (bench/engine/SpawnFloor.java), against peer_python_pool.py, whole
# processes, alternately; prints every time (wall, user + system CPU) and the medians.
# Usage: bench/engine/spawn-floor.sh [repeats (default 3)]. Needs target/lib (./sweeplab --version builds it), gcc
# (for /tmp/tiny_sim), /usr/bin/python3 and ../shared/bench/peers (PEERS overrides).
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-3}"
# shellcheck source=bench/engine/peers-dir.sh
source bench/engine/peers-dir.sh spawn-floor.sh
./sweeplab --version >/dev/null
jna="$(ls target/lib/jna-[0-9]*.jar)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac -cp "$jna" -d "$work" bench/engine/SpawnFloor.java
run() { # label command...: prints "label wall cpu"
  local label="$1"
  shift
  sync
  /usr/bin/time -f "$label %e %U %S" -o "$work/time" "$@" >/dev/null
  awk '{ printf "%s %.2f %.2f\n", $1, $2, $3 + $4 }' "$work/time"
}
for i in $(seq "$repeats"); do
  run floor java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$work:$jna" SpawnFloor
  run floor+setsid java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$work:$jna" SpawnFloor setsid
  TINY_SIM=/tmp/tiny_sim run peer /usr/bin/python3 "$peers/peer_python_pool.py" "$work/pool.jsonl"
done | tee "$work/all"
for label in floor floor+setsid peer; do
  awk -v l="$label" '$1 == l { print $2, $3 }' "$work/all" | sort -g \
    | awk -v l="$label" '{ w[NR] = $1; c[NR] = $2 } END { m = int((NR + 1) / 2); printf "MEDIAN %s: %.2f s wall (runs sorted by wall; CPU of the median run %.2f s)\n", l, w[m], c[m] }'
done
