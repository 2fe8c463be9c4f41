#!/usr/bin/env bash
# The overhead of a Spark standalone cluster against the local backend (docs/cluster.md): a master and one worker
# with CORES cores on 127.0.0.1, each its own JVM started from the Maven jars (no Spark download), and the sweeplab
# command line as the driver, started without spark-submit. Runs, on the cluster and then locally:
#   - the tournament example (900 runs of a few ms), and
#   - RUNS runs of the built-in bench simulation burning WORK_MS ms of CPU each.
# Prints each command's summary line ("N runs in T s this session", which leaves out JVM and Spark start-up) and its
# wall time. Every process it starts is ended on exit. Logs: target/spark-standalone-bench/.
# Usage: bench/spark-standalone.sh [RUNS] [WORK_MS] [CORES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-10000}"; work_ms="${2:-1}"; cores="${3:-2}"
out="$PWD/target/spark-standalone-bench"
rm -rf "$out"; mkdir -p "$out/spark-home/jars"

./mvnw -q -B -Pspark -DskipTests package
./mvnw -q -B -Pspark dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$out/spark.cp"
# SPARK_HOME/jars: Spark and its dependencies (the provided scope), as a Spark distribution holds them, plus the
# libraries Spark shares with sweeplab, which Maven lists under compile scope.
tr ':' '\n' < "$out/spark.cp" | grep -v -e rapaio- | while read -r j; do ln -sf "$j" "$out/spark-home/jars/"; done
for j in target/lib/*.jar; do
  case "$(basename "$j")" in slf4j-simple-*) ;; *) ln -sf "$PWD/$j" "$out/spark-home/jars/" ;; esac
done
opens="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
export SPARK_HOME="$out/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1

pids=()
cleanup() {
  for p in "${pids[@]}"; do
    pkill -KILL -P "$p" 2>/dev/null || true   # the worker's executors
    kill -KILL "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT
await() { # FILE PATTERN: the first line matching PATTERN, waiting up to 3 minutes
  for _ in $(seq 1 900); do
    if grep -m1 -o -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "no '$2' in $1" >&2; return 1
}
# shellcheck disable=SC2086
java $opens -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 \
  --webui-port 0 > "$out/master.log" 2>&1 &
pids+=($!)
master="$(await "$out/master.log" 'spark://127\.0\.0\.1:[0-9]+')"
# shellcheck disable=SC2086
java $opens -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
  --webui-port 0 --cores "$cores" --memory 2g --work-dir "$out/worker" "$master" > "$out/worker.log" 2>&1 &
pids+=($!)
await "$out/worker.log" 'Successfully registered with master' > /dev/null
echo "cluster: $master, one worker with $cores cores"

jar="$(ls target/sweeplab-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)"
spark_jars="$PWD/$jar,$(ls "$PWD"/target/lib/*.jar | grep -v slf4j-simple | paste -sd,)"
cat > "$out/bench.yaml" <<EOF
name: spark-standalone-bench
simulation: bench
parameters:
  x: {type: range, start: 1, stop: $runs}
  work_ms: $work_ms
seed: 1
execution: {max_parallel: $cores, max_runs: $runs}
EOF
sweep() { # NAME SPEC BACKEND
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $opens -Xmx1g -cp "$jar:target/lib/*:$SPARK_HOME/jars/*" org.sweeplab.cli.Main run "$2" \
    --out "$out/$1-$3" --quiet --max-parallel "$cores" --set "execution.backend=$3" \
    --set "execution.spark.master=$master" \
    --set "execution.spark.conf={spark.jars: '$spark_jars', spark.ui.enabled: 'false', spark.executor.memory: 1g}" \
    > "$out/$1-$3.out" 2> "$out/$1-$3.err" || true
  end=$(date +%s.%N)
  printf '%-12s %-6s %s; wall time %.1f s (JVM, Spark context and executor start-up included)\n' "$1" "$3" \
    "$(head -n 1 "$out/$1-$3.out" | sed 's/ this session.*//')" "$(awk "BEGIN {print $end - $start}")"
}
for backend in spark local; do
  sweep tournament data/examples/tournament.yaml "$backend"
  sweep bench "$out/bench.yaml" "$backend"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
