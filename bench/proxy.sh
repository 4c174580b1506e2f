#!/usr/bin/env bash
# The embedded Toxiproxy-compatible proxy beside a direct connection and haproxy (Debian's package,
# TCP mode, one thread, its own config, on loopback), in one run:
#   - connections/s of daytime exchanges at 16 in flight, by the native epoll generator
#     (bench/native_load.c), direct, through the embedded proxy with no toxics, and through haproxy,
#     with each relay's CPU (utime+stime, /proc/PID/stat) per connection over those runs;
#   - MB/s of one bulk stream (BULK_MB MiB, default 1024), the same three ways;
#   - the median error of a 50 ms latency toxic at one connection in flight: the median exchange
#     through a proxy with the toxic, less the median through a proxy without it on the same embedded
#     Toxiproxy, less 50 ms.
# The machine is shared and its speed drifts, so every comparison is paired: ROUNDS rounds, each
# measuring every path back to back in an order that alternates, and the table gives the medians of
# the rates and of each round's ratio to direct.
# Conntrack: with Docker running the kernel tracks every loopback connection and, at these rates,
# fills its table and drops SYNs; the bench exempts its own ports (1310-1319) while it runs.
# Bounded: about 3 minutes with the defaults. usage: bench/proxy.sh [SECONDS (default 3)] [ROUNDS (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-3}
ROUNDS=${2:-5}
INFLIGHT=16
WARMUP=1
BULK_MB=${BULK_MB:-1024}
PORTS=1310:1319   # 1310 server, 1311 bulk server, 1312 Toxiproxy API, 1313-1315 embedded, 1316-1317 haproxy
OUT=bench/out/proxy
rm -rf "$OUT"; mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if ! command -v haproxy >/dev/null; then
  echo "bench: installing Debian's haproxy ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null 2>&1 \
    || { echo "bench: haproxy is missing and apt-get install haproxy failed (run it as root)" >&2; exit 1; }
fi
./daytime-harness --version >/dev/null  # builds the jar when it is missing or older than the sources
cc -O2 -o "$OUT/native_load" bench/native_load.c

tracked=""
notrack() { # -I or -D
  iptables -t raw "$1" PREROUTING -i lo -p tcp -m multiport --ports "$PORTS" -j CT --notrack \
    && iptables -t raw "$1" OUTPUT -o lo -p tcp -m multiport --ports "$PORTS" -j CT --notrack
}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$tracked" ]; then notrack -D 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -e /proc/sys/net/netfilter/nf_conntrack_count ]; then
  notrack -I 2>/dev/null || {
    echo "bench: the kernel tracks connections here and iptables cannot exempt ports $PORTS (needs root and xt_CT): the table would fill and drop SYNs, so nothing is measured" >&2
    exit 1
  }
  tracked=1
fi

wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: nothing listens on port $1 (taken by another process?)" >&2; return 1; }
JAVA="java -jar target/daytime-harness.jar"
java -Xmx64m -XX:+UseSerialGC -jar target/daytime-harness.jar serve --port 1310 >/dev/null 2>&1 & pids+=($!)
python3 bench/bulk_server.py 1311 "$BULK_MB" & pids+=($!)
cat > "$OUT/toxiproxy.json" <<'JSON'
[{"name": "plain", "listen": "127.0.0.1:1313", "upstream": "127.0.0.1:1310"},
 {"name": "latency", "listen": "127.0.0.1:1314", "upstream": "127.0.0.1:1310"},
 {"name": "bulk", "listen": "127.0.0.1:1315", "upstream": "127.0.0.1:1311"}]
JSON
# The embedded proxy as a user starts it: the JVM's defaults.
$JAVA toxiproxy --port 1312 --config "$OUT/toxiproxy.json" >"$OUT/toxiproxy.log" 2>&1 & pids+=($!); embedded_pid=$!
cat > "$OUT/haproxy.cfg" <<'CFG'
global
  nbthread 1
  maxconn 4096
defaults
  mode tcp
  timeout connect 5s
  timeout client 30s
  timeout server 30s
listen daytime
  bind 127.0.0.1:1316
  server daytime 127.0.0.1:1310
listen bulk
  bind 127.0.0.1:1317
  server bulk 127.0.0.1:1311
CFG
haproxy -db -f "$OUT/haproxy.cfg" >"$OUT/haproxy.log" 2>&1 & pids+=($!); haproxy_pid=$!
for p in 1310 1311 1312 1313 1314 1315 1316 1317; do wait_port "$p"; done
curl -fsS -X POST -H 'Content-Type: application/json' http://127.0.0.1:1312/proxies/latency/toxics \
  -d '{"type": "latency", "stream": "downstream", "attributes": {"latency": 50}}' >/dev/null

# A relay's CPU (utime+stime in clock ticks, all its threads) around each rate run, for its CPU µs per connection.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rate() {
  local pid=""; [ "$1" = embedded ] && pid=$embedded_pid; [ "$1" = haproxy ] && pid=$haproxy_pid
  local before=0; [ -n "$pid" ] && before=$(ticks "$pid")
  "$OUT/native_load" 127.0.0.1 "$2" "$INFLIGHT" "$SECONDS_RUN" "$WARMUP" >> "$OUT/rate.$1"
  if [ -n "$pid" ]; then echo $(( $(ticks "$pid") - before )) >> "$OUT/ticks.$1"; fi
}
bulk() { python3 bench/bulk_client.py "$2" >> "$OUT/bulk.$1"; }
one() { "$OUT/native_load" 127.0.0.1 "$2" 1 "$SECONDS_RUN" "$WARMUP" >> "$OUT/one.$1"; }
# Warm the JITs (server and proxy) before anything is counted: the proxy's JVM compiles its hot
# paths for some 10 s under load, and the latency toxic's path needs many connections in flight to
# be used as often as the plain one.
"$OUT/native_load" 127.0.0.1 1313 "$INFLIGHT" 10 >/dev/null
"$OUT/native_load" 127.0.0.1 1314 256 4 >/dev/null
python3 bench/bulk_client.py 1315 >/dev/null

load_before=$(uptime | sed 's/.*load average: //')
echo "$ROUNDS rounds of ${SECONDS_RUN}s runs after ${WARMUP}s warm-ups; $INFLIGHT in flight; bulk streams of $BULK_MB MiB" >&2
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS ..." >&2
  if [ $((round % 2)) = 1 ]; then
    rate direct 1310; rate embedded 1313; rate haproxy 1316
    bulk direct 1311; bulk embedded 1315; bulk haproxy 1317
    one plain 1313; one latency 1314
  else
    rate haproxy 1316; rate embedded 1313; rate direct 1310
    bulk haproxy 1317; bulk embedded 1315; bulk direct 1311
    one latency 1314; one plain 1313
  fi
done
load_after=$(uptime | sed 's/.*load average: //')

python3 - "$OUT" "$(getconf CLK_TCK)" <<'PY'
import json, statistics as st, sys
out = sys.argv[1]
rates = {k: [json.loads(l) for l in open(f"{out}/rate.{k}")] for k in ("direct", "embedded", "haproxy")}
bulks = {k: [float(l) for l in open(f"{out}/bulk.{k}")] for k in ("direct", "embedded", "haproxy")}
one = {k: [json.loads(l) for l in open(f"{out}/one.{k}")] for k in ("plain", "latency")}
hz = int(sys.argv[2])
# CPU µs per connection: the relay's CPU over the run, warm-up included, over every exchange the run completed.
cpu = {k: st.median(int(t) * 1e6 / hz / r["exchanges"] for t, r in zip(open(f"{out}/ticks.{k}"), rates[k]))
       for k in ("embedded", "haproxy")}
def ratio(series, k, f=lambda x: x):
    return st.median(f(a) / f(b) for a, b in zip(series[k], series["direct"]))
names = {"direct": "direct", "embedded": "embedded proxy, no toxics", "haproxy": "haproxy 2.6, TCP, 1 thread"}
print("| path                       |   conn/s | share of direct | p50 ms | p99 ms | relay CPU µs/conn | bulk MB/s | share of direct |")
print("|----------------------------|---------:|----------------:|-------:|-------:|------------------:|----------:|----------------:|")
for k in ("direct", "embedded", "haproxy"):
    r = rates[k]
    relay = f"{cpu[k]:.1f}" if k in cpu else "-"
    print(f"| {names[k]:<26} | {st.median(x['rate'] for x in r):>8,.0f} | "
          f"{ratio(rates, k, lambda x: x['rate']):>14.2f}x | {st.median(x['p50Millis'] for x in r):>6.2f} | "
          f"{st.median(x['p99Millis'] for x in r):>6.2f} | {relay:>17} | {st.median(bulks[k]):>9,.0f} | {ratio(bulks, k):>14.2f}x |")
errors = [l["p50Millis"] - p["p50Millis"] - 50 for l, p in zip(one["latency"], one["plain"])]
print()
print(f"latency toxic (50 ms), one connection in flight: median error {st.median(errors):+.2f} ms "
      f"(rounds: {', '.join(f'{e:+.2f}' for e in errors)}); p50 {st.median(x['p50Millis'] for x in one['latency']):.2f} ms "
      f"with the toxic, {st.median(x['p50Millis'] for x in one['plain']):.3f} ms without")
conn = ratio(rates, "embedded", lambda x: x["rate"]); bulk = ratio(bulks, "embedded"); err = st.median(errors)
print(f"targets: conn/s >= 0.50x direct: {conn:.2f}x {'met' if conn >= 0.5 else 'NOT met'}; "
      f"bulk >= 0.80x: {bulk:.2f}x {'met' if bulk >= 0.8 else 'NOT met'}; "
      f"latency error <= 1.0 ms: {err:+.2f} ms {'met' if abs(err) <= 1.0 else 'NOT met'}")
errs = sum(x["errors"] for r in rates.values() for x in r)
if errs:
    print(f"note: {errs} failed exchanges across the rate runs")
PY
echo "load average before: $load_before; after: $load_after"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $(haproxy -v | head -1 | cut -d' ' -f1-3); $(date -u '+%Y-%m-%d %H:%M UTC')"
