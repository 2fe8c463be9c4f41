#!/bin/sh
# Benchmark (a): 2,000 runs of `/bin/sh -c 'echo {"x": N}'` through the whole CLI (JVM start, plan, journal,
# results.csv, summary) with max_parallel 2, with the JDK 17 default process launch (POSIX_SPAWN) and with VFORK
# (the launcher's default on Java 17-20); then the raw
# spawn floor of the same program (bench/command/CommandBench.java) for context.
#   ./bench/costly/run_a.sh [repeats]     (default 3)
set -eu
cd "$(dirname "$0")/../.."
repeats=${1:-3}
./mvnw -o -q -DskipTests package >/dev/null
out=$(mktemp -d)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mech in POSIX_SPAWN VFORK; do
  opts="-Djdk.lang.Process.launchMechanism=$mech"
  for i in $(seq "$repeats"); do
    rm -rf "$out/a"
    start=$(date +%s%N)
    SWEEPLAB_JAVA_OPTS="$opts" ./sweeplab run bench/costly/trivial.yaml --quiet --out "$out/a" >/dev/null
    end=$(date +%s%N)
    ok=$(grep -c ',ok,' "$out/a/results.csv")
    awk -v m="$mech" -v ns=$((end - start)) -v ok="$ok" \
      'BEGIN { printf "%-7s whole CLI: %d ok runs in %.3f s = %.0f runs/s\n", m, ok, ns / 1e9, ok / (ns / 1e9) }'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "spawn floor (default launch, then VFORK):"
./bench/command/run.sh 2000 2 | grep -i -e spawn -e command
JAVA_OPTS=-Djdk.lang.Process.launchMechanism=VFORK ./bench/command/run.sh 2000 2 | grep -i -e spawn -e command
rm -rf "$out"
