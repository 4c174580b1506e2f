#!/usr/bin/env bash
# The embedded Toxiproxy-compatible proxy against a direct connection, side by side in one run:
#   - connections/s and p50/p99 of daytime exchanges, direct and through a proxy with no toxics;
#   - MB/s of one bulk stream (256 MiB), direct and through the proxy;
#   - the median and p99 error of a 50 ms latency toxic (p - baseline p through the proxy - 50 ms).
# Bounded: DURATION per load run. usage: bench/proxy.sh [DURATION (default 10s)] [CONNECTIONS (default 32)]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
CONNECTIONS=${2:-32}
./daytime-harness --version >/dev/null  # builds the jar when it is missing or older than the sources
JAVA="java -jar target/daytime-harness.jar"
OUT=bench/out; mkdir -p "$OUT"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
proxy_port() { # upstream-port extra-args... -> prints the proxy's port
  local log="$OUT/proxy-$RANDOM.log"
  $JAVA proxy --upstream "127.0.0.1:$1" "${@:2}" >"$log" 2>&1 & pids+=($!)
  for _ in $(seq 1 100); do
    grep -q "listening on" "$log" 2>/dev/null && { grep -o 'listening on [0-9.]*:[0-9]*' "$log" | sed 's/.*://'; return 0; }
    sleep 0.1
  done
  echo "proxy did not start: $(cat "$log")" >&2; return 1
}
load_json() { $JAVA load "127.0.0.1:$1" --connections "$CONNECTIONS" --duration "$DURATION" --json 2>/dev/null; }

$JAVA serve --port 1310 >/dev/null 2>&1 & pids+=($!)
python3 bench/bulk_server.py 1311 & pids+=($!)
wait_port 1310; wait_port 1311
plain=$(proxy_port 1310)
late=$(proxy_port 1310 --latency 50ms)
bulk=$(proxy_port 1311)
$JAVA load "127.0.0.1:$plain" --duration 3s >/dev/null 2>&1 || true   # warm both JITs

direct_json=$(load_json 1310)
proxy_json=$(load_json "$plain")
# Latency error at one connection in flight, so queueing does not blur it.
one_json=$($JAVA load "127.0.0.1:$plain" --connections 1 --duration "$DURATION" --json 2>/dev/null)
late_json=$($JAVA load "127.0.0.1:$late" --connections 1 --duration "$DURATION" --json 2>/dev/null)
direct_mbs=$(python3 bench/bulk_client.py 1311)
proxy_mbs=$(python3 bench/bulk_client.py "$bulk")

python3 - "$direct_json" "$proxy_json" "$late_json" "$direct_mbs" "$proxy_mbs" "$one_json" <<'PY'
import json, sys
d, p, l = (json.loads(x) for x in sys.argv[1:4])
dm, pm = float(sys.argv[4]), float(sys.argv[5])
one = json.loads(sys.argv[6])
print("| path                   |  conn/s   | p50 ms | p99 ms | bulk MB/s |")
print("|------------------------|-----------|--------|--------|-----------|")
print(f"| direct                 | {d['rate']:>9,.0f} | {d['p50Millis']:>6.2f} | {d['p99Millis']:>6.2f} | {dm:>9,.0f} |")
print(f"| embedded proxy         | {p['rate']:>9,.0f} | {p['p50Millis']:>6.2f} | {p['p99Millis']:>6.2f} | {pm:>9,.0f} |")
print()
print(f"proxy / direct connection rate: {100 * p['rate'] / d['rate']:.0f}%")
print(f"latency 50 ms toxic, one connection in flight: median error {l['p50Millis'] - one['p50Millis'] - 50:+.2f} ms, "
      f"p99 error {l['p99Millis'] - one['p99Millis'] - 50:+.2f} ms")
PY
echo "machine: $(nproc) cores, $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $DURATION per run, $CONNECTIONS connections"
