#!/usr/bin/env bash
# (ii) of issue "Engine speed" split into a fixed and a per-run part: `./sweeplab run` of the tiny_sim sweep and
# peer_python_pool.py, each with 100 runs (s = 1 only, --seeds 1) and with the full 2,000, whole processes, run
# alternately; each time is wall and CPU (user + system, the JVM or interpreter and its tiny_sim children together).
# The JVM floor of bench/engine/SpawnFloor.java (see spawn-floor.sh: posix_spawn and waitpid, nothing else) is timed
# the same way, on the first 100 of its 2,000 argument lists and on all. From the medians: the cost of one more run
# (2,000 minus 100, over 1,900) and the cost of a sweep of no runs (the 100-run figure less 100 of those), for wall
# time and for CPU. On a machine whose cores the sweep keeps busy, wall time
# follows CPU / cores, so a tool with a larger fixed part has to make it up on every run.
# Usage: bench/engine/fixed-marginal.sh [repeats (default 3)]. SWEEPLAB=path/to/sweeplab times another build.
# Needs target/lib (./sweeplab --version builds it), javac, gcc (for /tmp/tiny_sim), /usr/bin/python3, /usr/bin/time
# and ../shared/bench/peers (PEERS overrides).
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-3}"
# shellcheck source=bench/engine/peers-dir.sh
source bench/engine/peers-dir.sh fixed-marginal.sh
sweeplab="${SWEEPLAB:-./sweeplab}"
"$sweeplab" --version >/dev/null # builds the jar and the start-up archive, outside the timings
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jna="$(ls target/lib/jna-[0-9]*.jar)"
javac -cp "$jna" -d "$work" bench/engine/SpawnFloor.java
floor=(java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$work:$jna" SpawnFloor setsid)
# The same sweep with s = 1 only: 5 x 4 x 5 = 100 runs.
sed 's/stop: 20}/stop: 1}/' bench/engine/tiny-sim.yaml > "$work/tiny-100.yaml"
grep -q 'stop: 1}' "$work/tiny-100.yaml" || { echo "fixed-marginal.sh: cannot make the 100-run spec" >&2; exit 2; }
export TINY_SIM=/tmp/tiny_sim
# label command...: runs it (output discarded; each sweep into a folder of its own, removed only at the end, see
# peers.sh) and prints "label wall cpu"
run() {
  local label="$1"
  shift
  sync
  if ! /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out.log" 2>&1; then
    echo "FAILED: $*" >&2
    cat "$work/out.log" >&2
    exit 1
  fi
  awk -v l="$label" '{ printf "%s %.3f %.3f\n", l, $1, $2 + $3 }' "$work/time"
}
for n in $(seq "$repeats"); do
  run sweeplab-100 "$sweeplab" run "$work/tiny-100.yaml" --out "$work/s100-$n" --quiet
  run peer-100 /usr/bin/python3 "$peers/peer_python_pool.py" "$work/p100-$n.jsonl" --seeds 1
  run floor-100 "${floor[@]}" 100
  run sweeplab-2000 "$sweeplab" run bench/engine/tiny-sim.yaml --out "$work/s2000-$n" --quiet
  run peer-2000 /usr/bin/python3 "$peers/peer_python_pool.py" "$work/p2000-$n.jsonl"
  run floor-2000 "${floor[@]}" 2000
done | tee "$work/all"
median() { # label column
  awk -v l="$1" -v c="$2" '$1 == l { print $c }' "$work/all" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
for tool in sweeplab peer floor; do
  w1=$(median "$tool-100" 2); w2=$(median "$tool-2000" 2)
  c1=$(median "$tool-100" 3); c2=$(median "$tool-2000" 3)
  awk -v t="$tool" -v w1="$w1" -v w2="$w2" -v c1="$c1" -v c2="$c2" 'BEGIN {
    mw = (w2 - w1) / 1900; mc = (c2 - c1) / 1900
    printf "MEDIAN %s: 100 runs %.3f s wall, %.3f s CPU; 2,000 runs %.3f s wall, %.3f s CPU\n", t, w1, c1, w2, c2
    printf "  %s: per run %.3f ms wall, %.3f ms CPU; fixed %.3f s wall, %.3f s CPU\n", t, mw * 1000, mc * 1000,
      w1 - 100 * mw, c1 - 100 * mc }'
done
