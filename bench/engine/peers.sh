#!/usr/bin/env bash
# Engine speed against its peers (issue "Engine speed"), whole processes, sweeplab (A) and the peer (B) run
# alternately (A B A B ...) so that both see the same load; prints every time, the medians and the ratio A/B.
#  (i)   1,000,000 trivial in-process runs: `./sweeplab run bench/engine/inprocess.yaml` (5 x 4 x 5 x 10,000)
#        against ../shared/bench/peers/peer_python_inprocess.py --mode seq (a Python loop and a pandas DataFrame);
#  (ii)  2,000 runs of tiny_sim, max_parallel 2: `./sweeplab run bench/engine/tiny-sim.yaml` against
#        peer_python_pool.py (ProcessPoolExecutor(2) + subprocess.run, JSON lines);
#  (iii) `./sweeplab resume` of the finished 1M-run folder, and of one killed (kill -9) half-way.
# Usage: bench/engine/peers.sh [repeats (default 3)] [sections (default "i ii iii")]
# SWEEPLAB=path/to/sweeplab times another build's launcher; BEFORE=path/to/sweeplab (e.g. an older commit's build)
# adds that build to (i), (ii) and (iii), run in the same alternation, for before/after figures.
# Needs gcc (to build /tmp/tiny_sim once), /usr/bin/python3 with pandas (Debian's python3-pandas), bash, date.
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-3}"
sections="${2:-i ii iii}"
# shellcheck source=bench/engine/peers-dir.sh
source bench/engine/peers-dir.sh peers.sh
python=/usr/bin/python3
tiny=/tmp/tiny_sim
sweeplab="${SWEEPLAB:-./sweeplab}"
"$sweeplab" --version >/dev/null # builds the jar and the start-up archive, outside the timings
before="${BEFORE:-}"
if [[ -n "$before" ]]; then
  "$before" --version >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
# Runs "$@" (output discarded) and prints its wall time in seconds; fails loudly when the command fails.
# Dirty pages of the previous command (a 360 MB journal, a copied folder) are written out first (`sync`), so that
# their write-back does not fall into the next command's time.
seconds() {
  local start end
  sync
  start=$(now)
  if ! "$@" >"$work/out.log" 2>&1; then
    echo "FAILED: $*" >&2
    cat "$work/out.log" >&2
    exit 1
  fi
  end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# A results.csv without its duration_ms column (the one measured value; the bench grid has no quoted fields).
no_duration() { awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "duration_ms") d = i } { $d = ""; print }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$(java -version 2>&1 | head -n 1), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(load)"

if [[ " $sections " == *" i "* ]]; then
  a=(); b=(); c=()
  for i in $(seq "$repeats"); do
    rm -rf "$work/grid"
    t=$(seconds "$sweeplab" run bench/engine/inprocess.yaml --out "$work/grid" --quiet); a+=("$t")
    echo "(i)   sweeplab 1M in-process runs: $t s (load $(load))"
    t=$(seconds "$python" "$peers/peer_python_inprocess.py" --mode seq); b+=("$t")
    echo "(i)   peer_python_inprocess.py --mode seq: $t s (load $(load))"
    if [[ -n "$before" ]]; then
      rm -rf "$work/grid-before"
      t=$(seconds "$before" run bench/engine/inprocess.yaml --out "$work/grid-before" --quiet); c+=("$t")
      echo "(i)   BEFORE 1M in-process runs: $t s (load $(load))"
    fi
  done
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  echo "(i)   MEDIAN sweeplab $ma s, peer $mb s, ratio $(ratio "$ma" "$mb")"
  if [[ -n "$before" ]]; then
    mc=$(median "${c[@]}")
    echo "(i)   MEDIAN before $mc s, ratio to the peer $(ratio "$mc" "$mb")"
    if ! cmp -s <(no_duration "$work/grid/results.csv") <(no_duration "$work/grid-before/results.csv"); then
      echo "(i)   results.csv of the two builds (but for duration_ms) DIFFERS" >&2
      exit 1
    fi
  fi
fi

if [[ " $sections " == *" ii "* ]]; then
  a=(); b=(); c=()
  # Each sweep into a folder of its own, all removed at the end: on a file system like this machine's (ext4 without a
  # journal) every file created skips the inodes freed in the last minutes, so removing the 4,000 files and folders
  # of the sweep before charged the next one for the script's own clean-up (docs/benchmarks.md §1).
  for i in $(seq "$repeats"); do
    t=$(seconds "$sweeplab" run bench/engine/tiny-sim.yaml --out "$work/tiny-$i" --quiet); a+=("$t")
    echo "(ii)  sweeplab 2,000 tiny_sim runs, max_parallel 2: $t s (load $(load))"
    t=$(seconds env TINY_SIM="$tiny" "$python" "$peers/peer_python_pool.py" "$work/pool.jsonl"); b+=("$t")
    echo "(ii)  peer_python_pool.py: $t s (load $(load))"
    if [[ -n "$before" ]]; then
      t=$(seconds "$before" run bench/engine/tiny-sim.yaml --out "$work/tiny-before-$i" --quiet); c+=("$t")
      echo "(ii)  BEFORE 2,000 tiny_sim runs: $t s (load $(load))"
    fi
  done
  ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
  echo "(ii)  MEDIAN sweeplab $ma s, peer $mb s, ratio $(ratio "$ma" "$mb")"
  if [[ -n "$before" ]]; then
    mc=$(median "${c[@]}")
    echo "(ii)  MEDIAN before $mc s, ratio to the peer $(ratio "$mc" "$mb")"
  fi
fi

if [[ " $sections " == *" iii "* ]]; then
  if [[ ! -f "$work/grid/summary.json" ]]; then
    seconds "$sweeplab" run bench/engine/inprocess.yaml --out "$work/grid" --quiet >/dev/null
  fi
  full_ms=$(sed -n 's/.*"elapsed_ms" : \([0-9]*\).*/\1/p' "$work/grid/summary.json")
  full_bytes=$(stat -c %s "$work/grid/runs.jsonl")
  r=(); rb=()
  for i in $(seq "$repeats"); do
    t=$(seconds "$sweeplab" resume "$work/grid" --quiet); r+=("$t")
    echo "(iii) resume of the finished 1M-run folder: $t s (load $(load))"
    if [[ -n "$before" ]]; then
      t=$(seconds "$before" resume "$work/grid" --quiet); rb+=("$t")
      echo "(iii) BEFORE resume of the finished 1M-run folder: $t s (load $(load))"
    fi
  done
  echo "(iii) MEDIAN resume of the finished folder $(median "${r[@]}") s (target <= 0.5 s)"
  if [[ -n "$before" ]]; then
    echo "(iii) MEDIAN before: $(median "${rb[@]}") s"
  fi
  for i in $(seq "$repeats"); do
    rm -rf "$work/killed" "$work/killed-copy"
    "$sweeplab" run bench/engine/inprocess.yaml --out "$work/killed" --quiet >/dev/null 2>&1 &
    pid=$!
    # kill -9 once the journal holds about half of the finished folder's bytes
    while kill -0 "$pid" 2>/dev/null \
        && (( $(stat -c %s "$work/killed/runs.jsonl" 2>/dev/null || echo 0) < full_bytes / 2 )); do
      sleep 0.02
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    left=$(( 1000000 - $(wc -l < "$work/killed/runs.jsonl") ))
    if [[ -n "$before" ]]; then
      cp -r "$work/killed" "$work/killed-copy"
      if (( i % 2 == 0 )); then # the builds take turns at going first
        t=$(seconds "$before" resume "$work/killed-copy" --quiet)
        echo "(iii) BEFORE resume of the same killed folder (first): $t s (load $(load))"
      fi
    fi
    t=$(seconds "$sweeplab" resume "$work/killed" --quiet)
    # the bound: 1.5 s plus the remaining runs at the pace of the full sweep's run phase (summary.json elapsed_ms)
    bound=$(awk -v l="$left" -v ms="$full_ms" 'BEGIN { printf "%.3f", 1.5 + l / 1000000 * ms / 1000 }')
    echo "(iii) resume after kill -9 with $left runs left: $t s; bound 1.5 s + $left runs at ${full_ms} ms/1M = $bound s (load $(load))"
    if ! cmp -s <(no_duration "$work/killed/results.csv") <(no_duration "$work/grid/results.csv"); then
      echo "(iii) results.csv of the killed and resumed folder (but for duration_ms) DIFFERS from the uninterrupted one" >&2
      exit 1
    fi
    if [[ -n "$before" ]] && (( i % 2 == 1 )); then
      t=$(seconds "$before" resume "$work/killed-copy" --quiet)
      echo "(iii) BEFORE resume of the same killed folder: $t s (load $(load))"
    fi
  done
fi
