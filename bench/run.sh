#!/usr/bin/env bash
# Side-by-side benchmark of daytime servers on loopback, in one run:
#   - the reference server (daytime-harness serve, -Xmx64m, serial GC),
#   - a minimal native epoll server (bench/minimal_server.c, compiled here),
#   - xinetd's built-in daytime, when xinetd is installed (.ci/peers.sh installs it),
# each loaded by a native epoll generator (bench/native_load.c, compiled here) and by
# `daytime-harness load`; then the reference server's rate and p99 with 2,000 idle clients held,
# its resident memory with 10,000 connections open, and its memory under input floods.
# Bounded: DURATION per measurement. usage: bench/run.sh [DURATION (default 10s)] [CONNECTIONS (default 32)]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
SECONDS_RUN=${DURATION%s}
CONNECTIONS=${2:-32}
OUT=bench/out
mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || true
[ -f target/daytime-harness.jar ] || ./mvnw -B -q -DskipTests package >&2
cc -O2 -o "$OUT/minimal_server" bench/minimal_server.c 2>/dev/null
cc -O2 -o "$OUT/native_load" bench/native_load.c
JAVA="java -jar target/daytime-harness.jar"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
native() { "$OUT/native_load" 127.0.0.1 "$1" "$CONNECTIONS" "$SECONDS_RUN"; }
harness() { $JAVA load "127.0.0.1:$1" --connections "$CONNECTIONS" --duration "$DURATION" --json "${@:2}" 2>/dev/null; }

row() { # name port pid
  local n h
  n=$(native "$2"); h=$(harness "$2")
  python3 - "$1" "$n" "$h" "$(rss_mb "$3")" <<'PY'
import json, sys
name, n, h, rss = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
print(f"| {name:<22} | {n['rate']:>9,.0f} | {n['p99Millis']:>6.2f} | {h['rate']:>9,.0f} | {h['p99Millis']:>6.2f} | {rss:>6} |")
PY
  echo "$n" > "$OUT/$2.native.json"; echo "$h" > "$OUT/$2.load.json"
}

java -Xmx64m -XX:+UseSerialGC -jar target/daytime-harness.jar serve --port 1300 >/dev/null 2>&1 & pids+=($!); ref=$!
"$OUT/minimal_server" 1301 & pids+=($!); mini=$!
wait_port 1300; wait_port 1301
# Warm the JITs of the reference server and of the Java generator before measuring.
"$OUT/native_load" 127.0.0.1 1300 "$CONNECTIONS" 3 >/dev/null
$JAVA load 127.0.0.1:1300 --duration 3s >/dev/null 2>&1 || true

echo "| server                 | native gen conn/s | p99 ms | load conn/s | p99 ms | RSS MB |"
echo "|------------------------|-----------|--------|-----------|--------|--------|"
row "reference (Java NIO)" 1300 "$ref"
row "minimal native (C)" 1301 "$mini"
if command -v xinetd >/dev/null && wait_port 10013 2>/dev/null; then
  row "xinetd built-in" 10013 "$(pgrep -f 'xinetd -f' | head -1)"
fi

held=$(harness 1300 --hold 2000)
python3 - "$OUT/1300.native.json" "$OUT/1301.native.json" "$OUT/1300.load.json" "$held" <<'PY'
import json, sys
ref, mini, load = (json.load(open(p)) for p in sys.argv[1:4])
held = json.loads(sys.argv[4])
print()
print(f"reference / minimal native server (native generator): {100 * ref['rate'] / mini['rate']:.0f}%")
mini_load = json.load(open(sys.argv[2].replace(".native.", ".load.")))
print(f"load / native generator, same server: reference {100 * load['rate'] / ref['rate']:.0f}%,"
      f" minimal native {100 * mini_load['rate'] / mini['rate']:.0f}%")
print(f"with 2,000 idle clients held: {held['rate']:,.0f} conn/s = {100 * held['rate'] / load['rate']:.0f}% of unloaded, p99 {held['p99Millis']:.2f} ms")
PY

# 10,000 connections open at once (held idle by the generator), then the server's resident memory.
$JAVA load 127.0.0.1:1300 --connections 1 --duration 3s --hold 10000 >/dev/null 2>&1 & holder=$!
sleep 2.5; echo "reference RSS with 10,000 connections open: $(rss_mb "$ref") MB"; wait "$holder" || true

# Input floods: 50 clients send without end for the run; the server must discard, not buffer.
before=$(rss_mb "$ref")
python3 - "$SECONDS_RUN" <<'PY' &
import socket, sys, time
end = time.monotonic() + float(sys.argv[1])
socks = [socket.create_connection(("127.0.0.1", 1300)) for _ in range(50)]
for s in socks: s.setblocking(False)
chunk = b"x" * 65536
while time.monotonic() < end:
    for s in socks:
        try: s.send(chunk)
        except (BlockingIOError, OSError): pass
PY
flood=$!
sleep "$((SECONDS_RUN / 2))"; during=$(rss_mb "$ref"); wait "$flood" || true
echo "reference RSS under 50 endless input floods: $before MB before, $during MB during"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $DURATION per measurement, $CONNECTIONS connections"
