#!/usr/bin/env bash
# The racing truth benchmark: races of the built-in `arms` simulation (20 arms, the best 0.5 sd ahead of the second,
# the rest 0.1 sd apart; 5 to 50 replicates, alpha 0.05, Welch) over SEEDS seeds (default 100), by the same test that
# the suite runs over 12 seeds (ArmsRaceTruthTest). Prints the share of races that named the true best and the
# share of the full 50-replicate design's runs they used; the issue asks for >= 95% and <= 40%.
# Usage: bench/racing/run.sh [SEEDS=100]
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS=${1:-100}
./mvnw -B -o -q test -Dtest=ArmsRaceTruthTest -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsweeplab.race.seeds="$SEEDS" 2>&1 | grep -E "arms race over|FAIL|expected" || true
