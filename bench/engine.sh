#!/usr/bin/env bash
# Engine benchmarks (issue "Sweep engine"), each as one whole JVM process through the CLI:
#  (a) a 1,000,000-run 'bench' sweep end to end: plan, run, journal, results.csv, summary;
#  (b) resuming the completed folder (scan the journal, nothing to do);
#  (c) 600 runs burning 10 ms of CPU each, --max-parallel 1 against 2 (whole process, and the sweep phase as the
#      CLI reports it, which leaves out JVM start-up).
# Usage: bench/engine.sh [repeats]   (prints one line per measurement; record them in docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
./sweeplab --version >/dev/null
jar="$(ls target/sweeplab-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds() { # runs "$@" and prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.3f'
}

for i in $(seq "$repeats"); do
  rm -rf "$work/bench"
  t=$(seconds java -Xmx512m -jar "$jar" run data/examples/bench.yaml --out "$work/bench" --quiet)
  rows=$(($(wc -l < "$work/bench/results.csv") - 1))
  echo "(a) 1M-run bench sweep, -Xmx512m: ${t} s (${rows} rows in results.csv)"
  t=$(seconds java -jar "$jar" resume "$work/bench" --quiet)
  echo "(b) resume of the completed 1M-run folder: ${t} s"
done
for i in $(seq "$repeats"); do
  rm -rf "$work/cpu1" "$work/cpu2"
  t1=$(seconds java -jar "$jar" run data/examples/bench-cpu.yaml --out "$work/cpu1" --max-parallel 1 --quiet)
  t2=$(seconds java -jar "$jar" run data/examples/bench-cpu.yaml --out "$work/cpu2" --max-parallel 2 --quiet)
  s1=$(sed -n 's/.*"elapsed_ms" : \([0-9]*\).*/\1/p' "$work/cpu1/summary.json")
  s2=$(sed -n 's/.*"elapsed_ms" : \([0-9]*\).*/\1/p' "$work/cpu2/summary.json")
  echo "(c) 600 x 10 ms CPU runs: whole process ${t1} s vs ${t2} s, speedup $(echo "$t1 / $t2" | bc -l | xargs printf '%.2f')x;" \
       "sweep phase ${s1} ms vs ${s2} ms, speedup $(echo "$s1 / $s2" | bc -l | xargs printf '%.2f')x"
done
