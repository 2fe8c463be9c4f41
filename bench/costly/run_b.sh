#!/bin/sh
# Benchmark (b): 2,000 simulated API calls of 50 ms, max_parallel 100, rate limit 500/s; ideal 4.0 s.
#   ./bench/costly/run_b.sh [runs] [repeats]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -o -q compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "target/classes:$(cat target/bench-classpath.txt)" bench/costly/ApiBench.java "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
