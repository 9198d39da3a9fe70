#!/usr/bin/env python3
"""Times a command that opens a briefing (e.g. `trilateral validate FILE` or `trilateral
snapshot --briefing FILE`): median wall time and peak RSS over --runs runs, as JSON, and
the least CPU time (user + system) of any run, the figure least disturbed by other work on a
busy machine (a test run, a CI neighbour): waiting for a core counts in wall time, not CPU time.

  python3 Tests/Performance/open_measure.py [--runs 3] -- COMMAND [ARGS...]
"""
import argparse, json, os, statistics, subprocess, time

def one(argv):
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} exited with {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("argv", nargs="+")
a = ap.parse_args()
runs = [one(a.argv) for _ in range(a.runs)]
print(json.dumps({"seconds": statistics.median(r[0] for r in runs), "peak_rss_mib": max(r[1] for r in runs),
                  "cpu_seconds_min": min(r[2] for r in runs)}))
