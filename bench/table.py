"""Tables for bench/run.sh from its JSON lines: medians of paired rounds, and the ratios the
issue's targets are stated in. Each runs file holds one JSON object per line, one line per round."""
import json
import os
import statistics
import sys


def runs(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def med(rs, key):
    return statistics.median(r[key] for r in rs) if rs else float("nan")


def paired_ratio(a, b):
    """Median of the per-round ratios a/b: each round's two sides ran back to back."""
    return statistics.median(x["rate"] / y["rate"] for x, y in zip(a, b) if y["rate"]) if a and b else float("nan")


def cpu(line, ticks, per_second):
    """The native generator's JSON line with the server's CPU per exchange added: the server's
    clock ticks over the generator's whole run (warm-up included) over the exchanges of that run."""
    r = json.loads(line)
    r["cpuMicros"] = int(ticks) * 1e6 / int(per_second) / r["exchanges"] if r.get("exchanges") else float("nan")
    print(json.dumps(r))


def cpu_ratio(a, b):
    """Median of the per-round ratios of CPU per exchange, a over b."""
    pairs = [x["cpuMicros"] / y["cpuMicros"] for x, y in zip(a, b) if "cpuMicros" in x and y.get("cpuMicros")]
    return statistics.median(pairs) if pairs else float("nan")


def header():
    print("| server                       | native gen /s | p99 ms | CPU µs/conn | load /s   | p99 ms | load/native | load nio/native | RSS MB |")
    print("|------------------------------|---------------|--------|-------------|-----------|--------|-------------|-----------------|--------|")


def row(name, native_file, load_file, rss):
    """load_file is `load` on its default engine; a sibling .nio file, when there is one, is `load
    --engine nio` in the same rounds."""
    n = runs(native_file)
    h = runs(load_file) if os.path.exists(load_file) else []
    nio_file = load_file[: -len(".load")] + ".nio"
    nio = runs(nio_file) if os.path.exists(nio_file) else []
    nio_ratio = f"{100 * paired_ratio(nio, n):>14.0f}%" if nio else f"{'-':>15}"
    with_cpu = [r for r in n if "cpuMicros" in r]
    cpu_us = f"{med(with_cpu, 'cpuMicros'):>11.1f}" if with_cpu else f"{'-':>11}"
    load = (f"{med(h, 'rate'):>9,.0f} | {med(h, 'p99Millis'):>6.2f} | {100 * paired_ratio(h, n):>10.0f}%" if h
            else f"{'-':>9} | {'-':>6} | {'-':>11}")
    print(f"| {name:<28} | {med(n, 'rate'):>13,.0f} | {med(n, 'p99Millis'):>6.2f} | {cpu_us} | {load} | {nio_ratio} | {rss:>6} |")


def summary(folder, xinetd_port):
    ref_n, mini_n = runs(f"{folder}/1300.native"), runs(f"{folder}/1301.native")
    print(f"reference / minimal native server, same native generator: {100 * paired_ratio(ref_n, mini_n):.0f}% "
          f"(median of the rounds' ratios)")
    print(f"reference / minimal native server, CPU µs per connection: {100 * cpu_ratio(ref_n, mini_n):.0f}% on epoll, "
          f"{100 * cpu_ratio(runs(f'{folder}/1302.native'), mini_n):.0f}% on the NIO fallback "
          f"(medians of the rounds' ratios; each server's utime+stime over the native generator's runs)")
    ratios = [f"reference {100 * paired_ratio(runs(f'{folder}/1300.load'), ref_n):.0f}%",
              f"minimal native {100 * paired_ratio(runs(f'{folder}/1301.load'), mini_n):.0f}%"]
    if xinetd_port:
        ratios.append(f"xinetd {100 * paired_ratio(runs(f'{folder}/{xinetd_port}.load'), runs(f'{folder}/{xinetd_port}.native')):.0f}%")
    print("load / native generator, same server (TCP): " + ", ".join(ratios))
    nio = [f"reference {100 * paired_ratio(runs(f'{folder}/1300.nio'), ref_n):.0f}%",
           f"minimal native {100 * paired_ratio(runs(f'{folder}/1301.nio'), mini_n):.0f}%"]
    if xinetd_port:
        nio.append(f"xinetd {100 * paired_ratio(runs(f'{folder}/{xinetd_port}.nio'), runs(f'{folder}/{xinetd_port}.native')):.0f}%")
    print("  the same with load --engine nio: " + ", ".join(nio))
    without, held = runs(f"{folder}/idle.without"), runs(f"{folder}/idle.with")
    print(f"with 2,000 idle clients held (native generator): {med(held, 'rate'):,.0f} conn/s = "
          f"{100 * paired_ratio(held, without):.0f}% of unloaded in the same rounds, p99 {med(held, 'p99Millis'):.2f} ms "
          f"(unloaded {med(without, 'p99Millis'):.2f} ms)")


if __name__ == "__main__":
    {"cpu": lambda: cpu(*sys.argv[2:5]), "header": lambda: header(), "row": lambda: row(*sys.argv[2:6]),
     "summary": lambda: summary(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")}[sys.argv[1]]()
