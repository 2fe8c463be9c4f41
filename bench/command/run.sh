#!/bin/sh
# Command-simulation throughput: ./bench/command/run.sh [runs] [threads]   (defaults: 2000 runs, 2 threads)
# JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Djdk.lang.Process.launchMechanism=VFORK.
# Builds the classes offline, then runs CommandBench as a single-file Java program with -Xmx256m.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -o -q compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx256m ${JAVA_OPTS:-} -cp "target/classes:$(cat target/bench-classpath.txt)" bench/command/CommandBench.java "$@"
