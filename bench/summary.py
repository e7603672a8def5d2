"""The summary of bench/run.sh over its runs: the spread of each figure and
issue 14's goals, each checked in every run (ratios come from one run: a
hushlink rate is only ever divided by SnapPass's rate of the same run).

    python3 bench/summary.py RAW.tsv RUNS

RAW.tsv: run, target, flow, req/s, p99 ms, server CPU µs/request, peak RSS
MiB, ratio to SnapPass (form flow; else text or a dash), ok|failed.
"""
import statistics
import sys
from collections import defaultdict

# Issue 14's goals (bench/README.md): ratio to SnapPass on the form flow,
# p99 and peak RSS of every hushlink run.
RATIO_GOAL = {"hushlink-embedded": 14.0, "hushlink-redis": 16.0}
P99_GOAL_MS = 5.0
RSS_GOAL_MIB = 16.0


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def main(path, runs):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
    by_flow = defaultdict(list)
    for run, target, flow, rps, p99, cpu, rss, ratio, status in rows:
        by_flow[(target, flow)].append(
            dict(run=int(run), rps=float(rps), p99=number(p99), cpu=number(cpu),
                 rss=float(rss), ratio=number(ratio), ok=status == "ok"))

    print(f"## Over {runs} run(s): the spread")
    print()
    print("| target | flow | req/s min / median / max | p99 ms max | server CPU µs/request median "
          "| peak RSS MiB max | vs SnapPass, each run |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for (target, flow), measured in by_flow.items():
        rps = sorted(m["rps"] for m in measured)
        p99 = [m["p99"] for m in measured if m["p99"] is not None]
        cpu = [m["cpu"] for m in measured if m["cpu"] is not None]
        ratios = [f"{m['ratio']:.1f}×" for m in measured if m["ratio"] is not None]
        print(f"| {target} | {flow} | {rps[0]:,.0f} / {statistics.median(rps):,.0f} / {rps[-1]:,.0f} "
              f"| {f'{max(p99):.2f}' if p99 else '—'} | {f'{statistics.median(cpu):.0f}' if cpu else '—'} "
              f"| {max(m['rss'] for m in measured):.1f} | {', '.join(ratios) or '—'} |")

    print()
    print("## Issue 14's goals, checked in every run")
    print()
    print("| goal | met in | figures |")
    print("| --- | ---: | --- |")
    for target, goal in RATIO_GOAL.items():
        form = by_flow.get((target, "form"), [])
        ratios = [m["ratio"] for m in form if m["ratio"] is not None]
        if ratios:
            met = sum(r >= goal for r in ratios)
            print(f"| {target}, form flow, at least {goal:.0f}× SnapPass | {met} of {len(ratios)} runs "
                  f"| {', '.join(f'{r:.1f}×' for r in ratios)} |")
    floor = [m["ratio"] for m in by_flow.get(("floor", "form"), []) if m["ratio"] is not None]
    if floor:
        print(f"| (the floor: a server doing no work, form flow; no server goes past it here) | — "
              f"| {', '.join(f'{r:.1f}×' for r in floor)} |")
    hushlink = [(t, f, m) for (t, f), ms in by_flow.items() if t.startswith("hushlink") for m in ms]
    p99s = [(m["p99"], t, f, m["run"]) for t, f, m in hushlink if m["p99"] is not None]
    if p99s:
        worst = max(p99s)
        met = sum(p < P99_GOAL_MS for p, *_ in p99s)
        print(f"| p99 under {P99_GOAL_MS:.0f} ms, every hushlink flow | {met} of {len(p99s)} flow runs "
              f"| worst {worst[0]:.2f} ms ({worst[1]}, {worst[2]}, run {worst[3]}) |")
    for target in RATIO_GOAL:
        rss = [m["rss"] for t, _, m in hushlink if t == target]
        if rss:
            met = sum(r <= RSS_GOAL_MIB for r in rss)
            print(f"| {target}: peak RSS at most {RSS_GOAL_MIB:.0f} MiB | {met} of {len(rss)} flow runs "
                  f"| max {max(rss):.1f} MiB |")
    failed = [(t, f, m["run"]) for (t, f), ms in by_flow.items() for m in ms if not m["ok"]]
    print(f"| every request answered (no failed reveal, no socket error) | {len(rows) - len(failed)} of "
          f"{len(rows)} flow runs | {', '.join(f'{t} {f} run {r}' for t, f, r in failed) or 'none failed'} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
