#!/usr/bin/env python3
"""Shared-session measurements: a presenter and N followers, each under its own pty.

  python3 Tests/Performance/follow_measure.py [--followers 50] [--browsing 0] [--steps 10] [--size 120x40] TRILATERAL

Reports: bytes written to a follower's terminal per tour step (median over followers and
steps); the size of the hello and of a view message on the socket; and the latency from a
key written to the presenter's terminal to the first byte a follower writes in answer
(median and 95th percentile over every follower and step). With --browsing K, the first K
followers press f (browse on their own) before the steps; latency is measured over the others.
"""
import argparse, os, select, socket, statistics, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_measure import spawn, stop, read_until_quiet

def wait_all(fds, quiet=0.3, limit=30):
    """Reads every fd until all have been quiet for `quiet` seconds."""
    deadline, last = time.monotonic() + limit, time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - last < quiet:
        r, _, _ = select.select(fds, [], [], quiet)
        for fd in r:
            try:
                if os.read(fd, 65536): last = time.monotonic()
            except OSError:
                pass

def frames(sock_path):
    """Connects as a bare client; returns (hello bytes, first view bytes)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sock_path)
    data = b""
    sizes = []
    s.settimeout(5)
    while len(sizes) < 2:
        data += s.recv(1 << 20)
        body = data[5:]
        sizes, i = [], 0
        while len(body) - i >= 4:
            n = int.from_bytes(body[i:i + 4], "big")
            if len(body) - i - 4 < n: break
            sizes.append(n + 4)
            i += 4 + n
    s.close()
    return sizes[0], sizes[1]

def memory_kib(pid):
    """(private, proportional, resident) KiB of a process, from smaps_rollup: what one more
    follower really costs is its private memory; the binary's pages are shared by all."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                fields[parts[0].rstrip(":")] = int(parts[1])
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return private, fields.get("Pss", 0), fields.get("Rss", 0)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--followers", type=int, default=50)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--browsing", type=int, default=0)
    ap.add_argument("--size", default="120x40")
    ap.add_argument("binary")
    a = ap.parse_args()
    cols, rows = map(int, a.size.lower().split("x"))
    d = tempfile.mkdtemp(prefix="tri-bench-")
    presenter = spawn([a.binary, "present", "--session", "bench", "--dir", d], cols, rows)
    read_until_quiet(presenter[1], limit=10)
    followers = [spawn([a.binary, "follow", "bench", "--dir", d], cols, rows) for _ in range(a.followers)]
    fds = [f[1] for f in followers]
    wait_all(fds, quiet=1.0)
    hello, view = frames(f"{d}/bench.sock")
    os.write(presenter[1], b"b")
    read_until_quiet(presenter[1])
    wait_all(fds)
    browsing = fds[:a.browsing]
    for fd in browsing: os.write(fd, b"f")
    wait_all(fds + [presenter[1]])
    watching = fds[a.browsing:]
    latencies, step_bytes, browsing_bytes = [], [], []
    for _ in range(a.steps):
        counts, firsts = {fd: 0 for fd in fds}, {}
        sent = time.monotonic()
        os.write(presenter[1], b" ")
        last = time.monotonic()
        while time.monotonic() - last < 0.3 and time.monotonic() - sent < 10:
            r, _, _ = select.select(fds + [presenter[1]], [], [], 0.3)
            now = time.monotonic()
            for fd in r:
                chunk = os.read(fd, 65536)
                if fd == presenter[1]: continue
                if chunk:
                    firsts.setdefault(fd, now - sent)
                    counts[fd] += len(chunk)
                    last = now
        latencies += [firsts[fd] * 1000 for fd in watching if fd in firsts]
        step_bytes += [counts[fd] for fd in watching]
        browsing_bytes += [counts[fd] for fd in browsing]
        missing = [fd for fd in watching if fd not in firsts]
        if missing: print(f"warning: {len(missing)} followers did not update", file=sys.stderr)
    latencies.sort()
    mems = sorted(memory_kib(pid) for pid, _, _ in followers)
    private = statistics.median(m[0] for m in mems) / 1024
    pss = statistics.median(m[1] for m in mems) / 1024
    rss = statistics.median(m[2] for m in mems) / 1024
    presenter_mem = memory_kib(presenter[0])
    print(f"followers                {a.followers} at {a.size}, {a.steps} tour steps, {a.browsing} browsing on their own")
    print(f"hello message            {hello} bytes (carries the briefing's YAML)")
    print(f"view message             {view} bytes")
    print(f"follower bytes per step  median {statistics.median(step_bytes):.0f}, max {max(step_bytes)}")
    if browsing_bytes: print(f"browsing follower bytes  median {statistics.median(browsing_bytes):.0f} per step (the status bar's presenter place)")
    print(f"key-to-follower latency  median {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"follower memory          private {private:.1f} MiB, PSS {pss:.1f} MiB, RSS {rss:.1f} MiB (medians)")
    print(f"presenter memory         private {presenter_mem[0] / 1024:.1f} MiB, RSS {presenter_mem[2] / 1024:.1f} MiB")
    print(f"followers per GiB        {1024 / private:.0f} by private memory ({1024 / rss:.0f} if each paid its whole RSS)")
    for pid, fd, _ in followers: stop(pid, fd)
    stop(presenter[0], presenter[1])

if __name__ == "__main__":
    main()
