#!/usr/bin/env bash
# The sensitivity truths at full size (docs/benchmarks.md section 6): Truth.java evaluates Ishigami (N = 2^10 and 2^13)
# and the g-function (2^13, and Morris with 40 trajectories) in memory and prints every index, its interval, the
# truth and whether the interval covers it; then the same Ishigami sample runs end to end through the CLI.
# Usage: bench/sensitivity/run.sh [OUT=/tmp/sweeplab-bench-sensitivity]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/sweeplab-bench-sensitivity}
./mvnw -q -B -DskipTests package
CP="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/sensitivity/Truth.java
java -cp "$OUT/classes:$CP" Truth data/examples/ishigami.yaml data/examples/sobol-g.yaml
JAR="$(ls target/sweeplab-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)"
rm -rf "$OUT/ishigami"
/usr/bin/time -f "run: %e s, %M KB" java -jar "$JAR" run data/examples/ishigami.yaml --set design.samples=8192 \
  --out "$OUT/ishigami"
/usr/bin/time -f "analyze: %e s, %M KB" java -jar "$JAR" analyze "$OUT/ishigami" --out "$OUT/ishigami/analysis"
cat "$OUT/ishigami/analysis/sensitivity.csv"
