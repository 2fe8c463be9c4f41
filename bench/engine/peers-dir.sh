# Sourced by the engine's benchmark scripts (peers.sh, spawn-floor.sh, fixed-marginal.sh), from the project's root:
# sets $peers to the folder of the peer scripts, ../shared/bench/peers beside the project (one level up again from a
# git work tree) or $PEERS, and builds /tmp/tiny_sim from its tiny_sim.c once (gcc). Stops the script with a message
# naming it ($1) when there is no such folder.
peers="${PEERS:-}"
for d in ../shared/bench/peers ../../shared/bench/peers; do
  if [[ -z "$peers" && -f "$d/peer_python_pool.py" ]]; then peers="$(cd "$d" && pwd)"; fi
done
[[ -n "$peers" ]] || { echo "$1: no ../shared/bench/peers; set PEERS" >&2; exit 2; }
[[ -x /tmp/tiny_sim ]] || gcc -O2 -o /tmp/tiny_sim "$peers/tiny_sim.c" -lm
