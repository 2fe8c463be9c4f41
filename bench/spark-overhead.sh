#!/usr/bin/env bash
# The overhead of the Spark backend in local mode against the local backend (docs/benchmarks.md):
# 10,000 runs of the built-in bench simulation burning about 1 ms of CPU each, on 2 cores.
# Usage: bench/spark-overhead.sh [RUNS] [WORK_MS] [CORES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B -Pspark test-compile
./mvnw -q -B -Pspark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/spark-bench.cp
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
# shellcheck disable=SC2086
exec java $opens -Xmx2g -cp "target/classes:target/test-classes:$(cat target/spark-bench.cp)" \
  org.sweeplab.spark.SparkOverheadBench "${1:-10000}" "${2:-1.0}" "${3:-2}" 2> target/spark-bench.log
