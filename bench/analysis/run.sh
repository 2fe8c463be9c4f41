#!/usr/bin/env bash
# The analysis benchmark: the whole `./sweeplab analyze` command against R data.table (2 threads) computing the
# per-variation statistics of the same file, alternated A B A B, medians of N runs each, with peak RSS.
# Usage: bench/analysis/run.sh [ROWS_IN_MILLIONS=10] [N=3] [extra analyze args, e.g. --by strategy]
# Needs Debian's r-base-core and r-cran-data.table. The CSV is made once per size under /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
MILLIONS=${1:-10}
N=${2:-3}
shift $(( $# > 2 ? 2 : $# )) || true
EXTRA=("$@")
PEER=../shared/bench/peers/peer_datatable.R
CSV=/tmp/bench-results-${MILLIONS}m.csv
OUT=/tmp/sweeplab-bench-analysis
mkdir -p "$OUT"
if [[ ! -f "$CSV" ]]; then
  javac -d "$OUT" bench/analysis/GenerateResults.java
  variations=$(python3 -c "print(int(${MILLIONS} * 1_000_000 // 100))")
  java -cp "$OUT" GenerateResults "$CSV" "$variations" 100
fi
./mvnw -q -B -o package -DskipTests >/dev/null 2>&1 || ./mvnw -q -B package -DskipTests >/dev/null
./sweeplab analyze "$CSV" --metric score --out "$OUT/warm" "${EXTRA[@]}" >/dev/null 2>&1 || true   # CDS archive, page cache
echo "file: $CSV ($(du -h "$CSV" | cut -f1)), $(( $(wc -l < "$CSV") - 1 )) rows; machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB"
echo "sweeplab: ./sweeplab analyze $CSV --metric score ${EXTRA[*]:-} --out DIR"
echo "peer:     Rscript $PEER $CSV OUT.csv 2"
declare -a A B RA RB
for i in $(seq 1 "$N"); do
  /usr/bin/time -f "%e %M" -o "$OUT/a.time" ./sweeplab analyze "$CSV" --metric score --out "$OUT/a" "${EXTRA[@]}" \
    >/dev/null 2>"$OUT/a.err" || { cat "$OUT/a.err"; exit 1; }
  /usr/bin/time -f "%e %M" -o "$OUT/b.time" Rscript "$PEER" "$CSV" "$OUT/peer.csv" 2 >/dev/null 2>&1
  read -r ta ra < "$OUT/a.time"; read -r tb rb < "$OUT/b.time"
  A+=("$ta"); RA+=("$ra"); B+=("$tb"); RB+=("$rb")
  printf 'run %d: sweeplab %6.2f s %5d MiB   data.table %6.2f s %5d MiB\n' "$i" "$ta" $((ra / 1024)) "$tb" $((rb / 1024))
done
python3 - "${A[*]}" "${B[*]}" "${RA[*]}" "${RB[*]}" <<'PY'
import statistics, sys
a, b, ra, rb = ([float(x) for x in s.split()] for s in sys.argv[1:5])
ma, mb = statistics.median(a), statistics.median(b)
print(f"median: sweeplab {ma:.2f} s (peak RSS {max(ra)/1024:.0f} MiB), data.table {mb:.2f} s "
      f"(peak RSS {max(rb)/1024:.0f} MiB), ratio {ma/mb:.2f}")
PY
