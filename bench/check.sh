#!/usr/bin/env bash
# Wall time of `check` and of `check --faults` (the README's main job) against the embedded
# reference server, JVM start included, as a user waits for them: /usr/bin/time over RUNS runs of
# each through the launcher, with the class-data-sharing archive the build made and without it,
# in an order that alternates between runs; prints the medians (and user and system CPU).
# Conntrack: the runs make a few hundred loopback connections each, on ports the JVM picks; that
# is far from filling the table, so nothing is exempted.
# Bounded: about 2 minutes with the defaults. usage: bench/check.sh [RUNS (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out/check
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
./daytime-harness --version >/dev/null  # builds the jar (and its archive) when missing or older than the sources
[ -f target/daytime-harness.jsa ] || echo "bench: no target/daytime-harness.jsa (the build's training run failed?): both columns run without it" >&2

one() { # NAME CDS(on|off) ARGS...
  local name=$1 cds=$2; shift 2
  DAYTIME_HARNESS_CDS=$cds /usr/bin/time -f "%e %U %S" -a -o "$OUT/$name.$cds" \
    ./daytime-harness check "$@" --report "$OUT/report-$name-$cds" >/dev/null 2>"$OUT/last.err" \
    || { echo "bench: check $* failed: $(tail -1 "$OUT/last.err")" >&2; exit 1; }
}
uptime_before=$(uptime | sed 's/.*load average: //')
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS ..." >&2
  if [ $((run % 2)) = 1 ]; then
    one check on; one check off; one faults on --faults; one faults off --faults
  else
    one faults off --faults; one faults on --faults; one check off; one check on
  fi
done
uptime_after=$(uptime | sed 's/.*load average: //')
python3 - "$OUT" <<'PY'
import statistics as st, sys
out = sys.argv[1]
def med(name, cds, i):
    return st.median(float(l.split()[i]) for l in open(f"{out}/{name}.{cds}") if l.strip() and l[0].isdigit())
print("| command                          | wall s, with archive | wall s, without | user s | sys s |")
print("|----------------------------------|---------------------:|----------------:|-------:|------:|")
for name, label in (("check", "./daytime-harness check"), ("faults", "./daytime-harness check --faults")):
    print(f"| {label:<32} | {med(name, 'on', 0):>20.2f} | {med(name, 'off', 0):>15.2f} | "
          f"{med(name, 'on', 1):>6.2f} | {med(name, 'on', 2):>5.2f} |")
PY
echo "medians of $RUNS runs each; load average before: $uptime_before; after: $uptime_after"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $(date -u '+%Y-%m-%d %H:%M UTC')"
