#!/usr/bin/env bash
# Side-by-side benchmark of daytime servers on loopback, with the same load generator
# (daytime-harness load) against each, in one run:
#   - the reference server (daytime-harness serve),
#   - a minimal native epoll server (bench/minimal_server.c, compiled here),
#   - xinetd's built-in daytime, when xinetd is installed (.ci/peers.sh installs it).
# Prints a table of rate, p99 and the server's resident memory. Bounded: DURATION per server.
#   usage: bench/run.sh [DURATION (default 10s)] [CONNECTIONS (default 32)]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
CONNECTIONS=${2:-32}
OUT=bench/out
mkdir -p "$OUT"
[ -f target/daytime-harness.jar ] || ./mvnw -B -q -DskipTests package >&2
cc -O2 -o "$OUT/minimal_server" bench/minimal_server.c
JAVA="java -jar target/daytime-harness.jar"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

run_one() { # name port pid
  local json
  json=$($JAVA load "127.0.0.1:$2" --connections "$CONNECTIONS" --duration "$DURATION" --json 2>/dev/null)
  python3 - "$1" "$json" "$(rss_mb "$3")" <<'PY'
import json, sys
name, data, rss = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
errors = sum(data["errors"].values())
print(f"| {name:<22} | {data['rate']:>9,.0f} | {data['p50Millis']:>6.2f} | {data['p99Millis']:>6.2f} | {errors:>6} | {rss:>6} |")
PY
}

java -Xmx64m -XX:+UseSerialGC -jar target/daytime-harness.jar serve --port 1300 >/dev/null 2>&1 & pids+=($!); ref=$!
"$OUT/minimal_server" 1301 & pids+=($!); native=$!
wait_port 1300; wait_port 1301
# Warm the JIT of both the server and the generator before measuring.
$JAVA load 127.0.0.1:1300 --duration 3s >/dev/null 2>&1 || true

echo "| server                 |  conn/s   | p50 ms | p99 ms | errors | RSS MB |"
echo "|------------------------|-----------|--------|--------|--------|--------|"
run_one "reference (Java NIO)" 1300 "$ref"
run_one "minimal native (C)" 1301 "$native"
if command -v xinetd >/dev/null && wait_port 10013 2>/dev/null; then
  run_one "xinetd built-in" 10013 "$(pgrep -f 'xinetd -f' | head -1)"
fi
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); duration $DURATION, $CONNECTIONS connections"
