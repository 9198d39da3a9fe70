#!/usr/bin/env python3
"""Poll tally latency: a presenter under a pty, N followers on its socket answering a poll
within one second, and how soon the presenter publishes each answer counted.

  python3 Tests/Performance/poll_measure.py [--followers 200] [--spread 1.0] [--runs 3] TRILATERAL

The followers are bare socket clients speaking the wire protocol (preamble, then status
frames carrying the answer), as `trilateral follow` does, so 200 of them cost no terminals;
they read what the presenter sends so none stalls. The presenter opens a poll (w, the fifth
factor, P); follower i sends its answer at i * spread / N seconds. One more client only
watches: each view the presenter publishes carries the poll's tally, which the presenter puts
there in the same turn of its loop as it draws its own screen. For each answer, the latency is
the time from its send to the first view whose tally counts at least that many answers.
(Counting on the presenter's terminal itself would mean emulating a terminal: only the cells
that change are written, so "13 answered" after "12 answered" is one digit.) Reported as
median, p95 and max over all answers and runs, beside the same presenter's own key → first
byte on its terminal in the same run (its peer: ↓ in the what-if panel).
"""
import argparse, json, os, select, shutil, socket, statistics, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_measure import spawn, stop, read_until_quiet

PREAMBLE = b"TRIL" + bytes([4])
STATUS = 4

def frame(kind, body):
    return (len(body) + 1).to_bytes(4, "big") + bytes([kind]) + body

def status(answer=None, poll=1):
    body = {"browsing": False}
    if answer is not None: body["answer"] = {"poll": poll, "option": answer}
    return frame(STATUS, json.dumps(body, separators=(",", ":")).encode())

class Watcher:
    """A follower that only reads: the presenter's frames, and the tally in each view."""
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.sendall(PREAMBLE + status())
        self.sock.setblocking(False)
        self.buffer = b""
        self.started = False
        self.poll = None   # the open poll's id, from the first view that has one

    def tallies(self):
        """The answered counts of the views that arrived since the last call."""
        try:
            while True:
                chunk = self.sock.recv(1 << 20)
                if not chunk: break
                self.buffer += chunk
        except BlockingIOError:
            pass
        if not self.started and len(self.buffer) >= 5:
            self.buffer, self.started = self.buffer[5:], True
        counts = []
        while len(self.buffer) >= 4:
            n = int.from_bytes(self.buffer[:4], "big")
            if len(self.buffer) < 4 + n: break
            kind, body, self.buffer = self.buffer[4], self.buffer[5:4 + n], self.buffer[4 + n:]
            if kind == 2:
                poll = json.loads(body).get("poll") or {}
                if poll.get("open"): self.poll = poll["id"]
                if poll.get("tally") is not None: counts.append(sum(poll["tally"]))
        return counts

def drain(socks):
    r, _, _ = select.select(socks, [], [], 0)
    for s in r:
        try: s.recv(1 << 20)
        except (BlockingIOError, OSError): pass

def one_run(binary, followers, spread, cols, rows):
    d = tempfile.mkdtemp(prefix="tri-poll-")
    pid, fd, _ = spawn([binary, "present", "--session", "poll", "--dir", d], cols, rows)
    read_until_quiet(fd, limit=10)
    socks = []
    for _ in range(followers):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(f"{d}/poll.sock")
        s.sendall(PREAMBLE + status())
        s.setblocking(False)
        socks.append(s)
    deadline = time.monotonic() + 10
    seen = b""
    while f"{followers} watching".encode() not in seen and time.monotonic() < deadline:
        drain(socks)
        r, _, _ = select.select([fd], [], [], 0.05)
        if r: seen = (seen + os.read(fd, 65536))[-4096:]
    # The peer in the same run: the presenter's own key → frame, ↓ in the what-if panel.
    os.write(fd, b"w")
    read_until_quiet(fd)
    keys = []
    for _ in range(5):
        sent = time.monotonic()
        os.write(fd, b"j")
        r, _, _ = select.select([fd], [], [], 5)
        keys.append((time.monotonic() - sent) * 1000 if r else float("nan"))
        read_until_quiet(fd)
    os.write(fd, b"k" * 5)
    read_until_quiet(fd)
    watcher = Watcher(f"{d}/poll.sock")
    os.write(fd, b"jjjjP")
    out, _ = read_until_quiet(fd)
    assert b"Poll 1 open" in out, "the poll did not open"
    drain(socks)
    deadline = time.monotonic() + 5
    while watcher.poll is None and time.monotonic() < deadline:
        select.select([watcher.sock], [], [], 0.05)
        watcher.tallies()
    assert watcher.poll is not None, "no view carried the open poll"
    # Answers spread over `spread` seconds; the presenter's screen read all the while.
    sends, shown, pending = [], {}, b""
    start = time.monotonic()
    i = 0
    while time.monotonic() - start < spread + 3:
        now = time.monotonic()
        while i < followers and now - start >= i * spread / followers:
            socks[i].send(status(i % 2, poll=watcher.poll))
            sends.append(time.monotonic())
            i += 1
        drain(socks)
        r, _, _ = select.select([fd, watcher.sock], [], [], 0.002)
        if fd in r: os.read(fd, 65536)   # the presenter's own screen, read so it never blocks
        at = time.monotonic()
        for n in watcher.tallies(): shown.setdefault(n, at)
        if shown.get(followers) is not None: break
    latencies = []
    for k, sent in enumerate(sends, start=1):
        times = [t for n, t in shown.items() if n >= k]
        if times: latencies.append((min(times) - sent) * 1000)
    missing = followers - len(latencies)
    for s in socks + [watcher.sock]: s.close()
    stop(pid, fd)
    shutil.rmtree(d, ignore_errors=True)
    return latencies, keys, missing

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--followers", type=int, default=200)
    ap.add_argument("--spread", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="120x40")
    ap.add_argument("binary")
    a = ap.parse_args()
    cols, rows = map(int, a.size.lower().split("x"))
    latencies, keys, missing = [], [], 0
    for _ in range(a.runs):
        l, k, m = one_run(a.binary, a.followers, a.spread, cols, rows)
        latencies += l; keys += k; missing += m
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"followers               {a.followers}, answering within {a.spread:g} s, {a.runs} runs, presenter at {a.size}")
    print(f"answer → tally published median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms ({len(latencies)} answers{f', {missing} never shown' if missing else ''})")
    print(f"presenter key → frame   median {statistics.median(keys):.1f} ms (its own ↓, the peer in this run)")

if __name__ == "__main__":
    main()
