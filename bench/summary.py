"""The summary of bench/run.sh over its runs: the spread of each figure and
issue 14's goals, each checked in every run (ratios come from one run: a
hushlink rate is only ever divided by SnapPass's rate of the same run).

    python3 bench/summary.py RAW.tsv RUNS

RAW.tsv: run, target, flow, req/s, p99 ms, server CPU µs/request, peak RSS
MiB, ratio to SnapPass (form flow; else text or a dash), ok|failed, machine
idle %, wrk CPU µs/request, Redis CPU µs/request (a dash where none).
"""
import os
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
    for run, target, flow, rps, p99, cpu, rss, ratio, status, idle, wrk, redis in rows:
        by_flow[(target, flow)].append(
            dict(run=int(run), rps=float(rps), p99=number(p99), cpu=number(cpu),
                 rss=float(rss), ratio=number(ratio), ok=status == "ok",
                 idle=number(idle), wrk=number(wrk), redis=number(redis)))

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
    budget(by_flow)


def budget(by_flow):
    """What issue 14's ratios leave hushlink, in each run: at the goal's rate
    (the ratio times that run's SnapPass rate) the cores give every request
    `cores × busy share / rate` of CPU, and wrk and Redis take theirs (as
    measured in the same run's form flow). What is left is the most a request
    may cost hushlink; the floor's own figure is what serving the flow costs
    at all. Three bounds, each kinder: at the idle share the run measured,
    with the cores never idle, and with wrk also as cheap per request as it
    was against the floor."""
    snappass = {m["run"]: m["rps"] for m in by_flow.get(("snappass-1.6.2", "form"), [])}
    floor = {m["run"]: m for m in by_flow.get(("floor", "form"), [])}
    cores = os.cpu_count() or 1
    lines = []
    for target, goal in RATIO_GOAL.items():
        for m in by_flow.get((target, "form"), []):
            sp = snappass.get(m["run"])
            if not sp or m["cpu"] is None or m["wrk"] is None or m["idle"] is None:
                continue
            rate = goal * sp
            others = m["wrk"] + (m["redis"] or 0.0)
            at_idle = cores * (1 - m["idle"] / 100) * 1e6 / rate - others
            no_idle = cores * 1e6 / rate - others
            fl = floor.get(m["run"])
            # The kindest case: wrk as cheap per request as against the floor
            # (its cost falls as answers come faster and in bunches).
            kindest = "—"
            if fl is not None and fl["wrk"] is not None:
                kindest = f"{no_idle + m['wrk'] - fl['wrk']:.1f}"
            redis = f"{m['redis']:.1f}" if m["redis"] is not None else "—"
            fl_cpu = f"{fl['cpu']:.1f}" if fl is not None and fl["cpu"] is not None else "—"
            lines.append(
                f"| {m['run']} | {target} | {rate:,.0f} | {m['wrk']:.1f} | {redis} | {m['idle']:.0f} "
                f"| {at_idle:.1f} | {no_idle:.1f} | {kindest} | {m['cpu']:.1f} | {fl_cpu} |")
    if not lines:
        return
    print()
    print(f"## What the ratio goals leave hushlink ({cores} cores shared with wrk and Redis)")
    print()
    print("| run | target | req/s the goal needs | wrk CPU µs/request | Redis CPU µs/request | machine idle % "
          "| µs/request left for hushlink, at that idle | … with no idle | … with no idle and wrk as against the floor "
          "| hushlink's CPU µs/request | the floor's CPU µs/request |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
