#!/usr/bin/env bash
# Side-by-side benchmark of daytime servers on loopback, in one run:
#   - the reference server (daytime-harness serve, -Xmx64m, serial GC), on its epoll engine (the
#     default on Linux x86_64) and, measured by the native generator only, on its NIO fallback,
#   - a minimal native epoll server (bench/minimal_server.c, compiled here),
#   - xinetd's built-in daytime, when it listens on 10013 (.ci/peers.sh start runs it),
# each loaded by a native epoll generator (bench/native_load.c, compiled here) and by
# `daytime-harness load` (its default engine, epoll, and over TCP its NIO engine too), over TCP and,
# where the server has it, UDP; then the reference server's
# rate and p99 with 2,000 idle clients held, its resident memory with 10,000 connections open, and
# its memory under input floods.
# CPU per connection: each server process's utime+stime (and its children's, for xinetd's forks)
# from /proc/PID/stat, read before and after each native-generator run against it, divided by the
# exchanges that run completed (bench/native_load.c counts them warm-up included, as the CPU is).
# Conntrack: the bench's ports (1300-1302, 10013; TCP and UDP) are exempt while it runs.
#
# The machine is shared and its speed drifts by a third from one minute to the next, so every
# comparison is paired: ROUNDS rounds, each measuring every server with both generators back to
# back, and the table gives medians (of rates, and of each round's ratio). Every run starts with
# the same uncounted 2 s warm-up on both generators (the JVM's JIT needs about that).
# Bounded: about 7 minutes with the defaults.
# usage: bench/run.sh [DURATION (default 3s)] [CONNECTIONS (default 32)] [ROUNDS (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-3s}
SECONDS_RUN=${DURATION%s}
CONNECTIONS=${2:-32}
ROUNDS=${3:-5}
WARMUP=2
UDP_SLOTS=8
OUT=bench/out
rm -rf "$OUT/runs"; mkdir -p "$OUT/runs"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
./daytime-harness --version >/dev/null  # builds the jar when it is missing or older than the sources
cc -O2 -D_GNU_SOURCE -o "$OUT/minimal_server" bench/minimal_server.c
cc -O2 -o "$OUT/native_load" bench/native_load.c
JAVA="java -jar target/daytime-harness.jar"
NOTRACK_PORTS=1300:1302,10013
. bench/notrack.sh
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; notrack_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM
notrack_start
TICK=$(getconf CLK_TCK)

wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
native() { # port [udp]
  if [ "${2:-}" = udp ]; then "$OUT/native_load" 127.0.0.1 "$1" "$UDP_SLOTS" "$SECONDS_RUN" "$WARMUP" udp
  else "$OUT/native_load" 127.0.0.1 "$1" "$CONNECTIONS" "$SECONDS_RUN" "$WARMUP"; fi
}
# Clock ticks a process has run, its own threads and its waited-for children: stat fields 14-17.
# The name (field 2) may hold spaces, so fields are counted after its closing parenthesis.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13 + $14 + $15}'; }
# native_cpu PID port [udp]: the native generator's JSON line, with the server's CPU per exchange.
native_cpu() {
  local pid=$1 before after line; shift
  before=$(cpu_ticks "$pid"); line=$(native "$@"); after=$(cpu_ticks "$pid")
  python3 bench/table.py cpu "$line" "$((after - before))" "$TICK"
}
harness() { # port [udp] [more load options]
  local port=$1; shift
  if [ "${1:-}" = udp ]; then shift; set -- --udp --connections "$UDP_SLOTS" "$@"; else set -- --connections "$CONNECTIONS" "$@"; fi
  $JAVA load "127.0.0.1:$port" --duration "$DURATION" --warmup "${WARMUP}s" --json "$@" 2>/dev/null || true
}

# measure PORT [udp]: one round for one server, native and load back to back (and over TCP `load
# --engine nio` too, the JDK-only engine); the order alternates between rounds so that neither side
# always runs on a machine that just got busier.
measure() {
  local port=$1 mode=${2:-} file="$OUT/runs/$1${2:+-udp}" pid=${server_pid[$1]}
  if [ $((round % 2)) = 1 ]; then
    native_cpu "$pid" "$port" "$mode" >> "$file.native"; harness "$port" $mode >> "$file.load"
    if [ -z "$mode" ]; then harness "$port" --engine nio >> "$file.nio"; fi
  else
    if [ -z "$mode" ]; then harness "$port" --engine nio >> "$file.nio"; fi
    harness "$port" $mode >> "$file.load"; native_cpu "$pid" "$port" "$mode" >> "$file.native"
  fi
}
row() { # NAME PORT PID [udp]
  local file="$OUT/runs/$2${4:+-udp}"
  python3 bench/table.py row "$1${4:+ (UDP)}" "$file.native" "$file.load" "$(rss_mb "$3")"
}

java -Xmx64m -XX:+UseSerialGC -jar target/daytime-harness.jar serve --port 1300 --udp --engine epoll >/dev/null 2>&1 & pids+=($!); ref=$!
"$OUT/minimal_server" 1301 & pids+=($!); mini=$!
java -Xmx64m -XX:+UseSerialGC -jar target/daytime-harness.jar serve --port 1302 --engine nio >/dev/null 2>&1 & pids+=($!); nio=$!
wait_port 1300; wait_port 1301; wait_port 1302
for p in "$ref" "$mini" "$nio"; do
  kill -0 "$p" 2>/dev/null || { echo "bench: a server did not start (port 1300, 1301 or 1302 already taken?)" >&2; exit 1; }
done
# Warm the reference servers' JIT before anything is measured.
"$OUT/native_load" 127.0.0.1 1300 "$CONNECTIONS" 3 >/dev/null
"$OUT/native_load" 127.0.0.1 1302 "$CONNECTIONS" 3 >/dev/null

xinetd_pid=$(pgrep -f 'xinetd -f' | head -1 || true)
wait_port 10013 2>/dev/null || xinetd_pid=""
declare -A server_pid=([1300]=$ref [1301]=$mini [1302]=$nio [10013]=$xinetd_pid)
echo "$ROUNDS rounds; in each, every server is measured by both generators back to back for $DURATION"
echo "after a ${WARMUP}s warm-up; $CONNECTIONS TCP connections or $UDP_SLOTS UDP requests in flight. Medians of the rounds."
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS ..." >&2
  measure 1300; measure 1301
  # The NIO fallback: its CPU per connection beside epoll's, by the native generator alone.
  native_cpu "$nio" 1302 >> "$OUT/runs/1302.native"
  if [ -n "$xinetd_pid" ]; then measure 10013; fi
  # UDP: the reference server only. xinetd's UDP daytime answers a handful of datagrams a second
  # here (it stops answering a busy source), so a rate for it would say nothing.
  measure 1300 udp
  # 2,000 idle clients that connect and never read nor close, held by a separate process that uses
  # no CPU meanwhile, against the same measurement without them; the native generator measures
  # both, so what is seen is the server, not a generator busy with the idle sockets.
  native 1300 >> "$OUT/runs/idle.without"
  python3 bench/hold_idle.py 127.0.0.1 1300 2000 $((SECONDS_RUN + WARMUP + 2)) & holder=$!
  sleep 1
  native 1300 >> "$OUT/runs/idle.with"
  wait "$holder" || true
done
echo
python3 bench/table.py header
row "reference (epoll)" 1300 "$ref"
row "reference (NIO fallback)" 1302 "$nio"
row "minimal native (C)" 1301 "$mini"
if [ -n "$xinetd_pid" ]; then row "xinetd built-in" 10013 "$xinetd_pid"; fi
row "reference (UDP is NIO)" 1300 "$ref" udp
echo
python3 bench/table.py summary "$OUT/runs" "$([ -n "$xinetd_pid" ] && echo 10013 || true)"

# 10,000 connections opened at once and held, then the server's resident memory.
python3 bench/hold_idle.py 127.0.0.1 1300 10000 3 & holder=$!
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
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
