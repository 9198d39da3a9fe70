#!/usr/bin/env python3
"""Start-up side by side: programs run in turn (interleaved, so a busy machine slows all of
them alike) under a pseudo-terminal of one size; for each, the time to its first complete
frame, the write() calls that frame took, and peak RSS.

  python3 Tests/Performance/startup_compare.py [--size 120x40] [--runs 9] [--json]
      --name trilateral -- .build/release/trilateral \\
      --name 'mdp -f' -- mdp -f Tests/Performance/briefing-slides.md

A frame is complete when the program has been silent for 150 ms after writing; the time is
that of its last byte, from just before the fork. write() calls come from /proc/PID/io
(syscw) read while the program sits idle after the frame, so set-up writes count too. Then
one key (`--key`, default j) and the write() calls it took. The program is stopped with q,
then SIGTERM.
"""
import argparse, json, os, statistics, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_measure import spawn, stop, read_until_quiet, peak_rss_kb

def write_calls(pid):
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            if line.startswith("syscw:"):
                return int(line.split()[1])
    return 0

def one(argv, cols, rows, key):
    pid, fd, started = spawn(argv, cols, rows)
    first, last = read_until_quiet(fd, limit=10)
    result = {"first_frame_ms": (last - started) * 1000 if last else float("nan"),
              "first_frame_bytes": len(first), "first_frame_writes": write_calls(pid)}
    before = write_calls(pid)
    os.write(fd, key)
    out, _ = read_until_quiet(fd)
    result["key_bytes"] = len(out)
    result["key_writes"] = write_calls(pid) - before
    result["peak_rss_mib"] = peak_rss_kb(pid) / 1024
    stop(pid, fd)
    return result

def parse_programs(rest):
    """--name NAME -- ARGV... repeated."""
    programs, i = [], 0
    while i < len(rest):
        if rest[i] != "--name" or i + 2 >= len(rest) or rest[i + 2] != "--":
            sys.exit("usage: ... --name NAME -- PROGRAM [ARGS...] [--name NAME -- ...]")
        name, j = rest[i + 1], i + 3
        k = j
        while k < len(rest) and rest[k] != "--name":
            k += 1
        programs.append((name, rest[j:k]))
        i = k
    return programs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--key", default="j")
    ap.add_argument("--json", action="store_true")
    a, rest = ap.parse_known_args()
    cols, rows = map(int, a.size.lower().split("x"))
    programs = parse_programs(rest)
    runs = {name: [] for name, _ in programs}
    for _ in range(a.runs):
        for name, argv in programs:
            runs[name].append(one(argv, cols, rows, a.key.encode()))
    medians = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    if a.json:
        print(json.dumps({"size": a.size, "runs": a.runs, "medians": medians, "all": runs}))
        return
    keys = list(next(iter(medians.values())))
    print(f"{'':22}" + "".join(f"{name:>16}" for name in medians))
    for k in keys:
        print(f"{k:22}" + "".join(f"{medians[n][k]:16.1f}" for n in medians))
    base = programs[0][0]
    for name in list(medians)[1:]:
        ratio = medians[base]["first_frame_ms"] / medians[name]["first_frame_ms"]
        print(f"first frame: {base} / {name} = {ratio:.2f}x (medians of {a.runs} interleaved runs at {a.size})")

if __name__ == "__main__":
    main()
