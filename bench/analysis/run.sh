#!/usr/bin/env bash
# The analysis benchmark: generate the 10,000,000-row results CSV (once), then time the per-variation summary as one
# whole JVM process with /usr/bin/time -v. Usage: bench/analysis/run.sh [csv path, default /tmp/bench-results.csv]
set -euo pipefail
cd "$(dirname "$0")/../.."
CSV=${1:-/tmp/bench-results.csv}
OUT=/tmp/sweeplab-bench-analysis
./mvnw -o -q compile dependency:build-classpath -Dmdep.outputFile="$OUT.cp" >/dev/null
mkdir -p "$OUT"
CP="target/classes:$(cat "$OUT.cp")"
javac -d "$OUT" -cp "$CP" bench/analysis/GenerateResults.java bench/analysis/SummarizeResults.java
if [ ! -f "$CSV" ]; then
  java -cp "$OUT" GenerateResults "$CSV"
fi
ls -l "$CSV"
/usr/bin/time -v java -Xms1g -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=4 -cp "$OUT:$CP" SummarizeResults "$CSV" \
  2> "$OUT/time.txt"
grep -E "Elapsed|Maximum resident|Percent of CPU" "$OUT/time.txt"
