#!/usr/bin/env python3
"""The browser door under load, in one run: a presenter under a pty (120x40) with
`present --web` (trilateral-web on 127.0.0.1, a room code), and N viewers on /live, each a raw
socket that joined as a browser does (the cookie from one POST /join, then the HTTP Upgrade by
hand; raw sockets on one epoll selector, not a WebSocket library, so that 1000 viewers do not
make this client the bottleneck). The viewers answer the door's pings, as a browser does.

  python3 Tests/Performance/web_door_measure.py [--viewers 100,1000] [--steps 10] TRILATERAL

Each step writes one key to the presenter's terminal (Tab and Shift-Tab in turn: the focused
pane, so the view changes every time), after one untimed warm-up step. Reports, per N:

  median ms, p95 ms   from the key written to the presenter's terminal to the first byte of
                      the view message (the first bytes of that WebSocket frame on the socket,
                      as seen when this client's epoll wakes for it), over every viewer and step
  door KiB/viewer     the door's private bytes (smaps_rollup Private_*) after the steps minus
                      before the viewers (door ready, no viewer), divided by N
  presenter KiB/viewer the same for the presenter (each web viewer is a follower it counts)
  presenter key→frame from the key to the first byte the presenter writes back to its own
                      terminal (median over the steps); the 0-viewer row is the same presenter
                      without --web, the baseline for whether the room slows the presenter

The viewers run on the same machine (2 cores here) as the presenter and the door, so they share
its CPU: the latencies include this client's own time to reach each socket.
"""
import argparse, os, resource, selectors, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_measure import spawn, read_until_quiet
from ssh_door_measure import free_port, private_kib
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "WebDoor"))
from web_clients import cookie, upgrade_request   # the tests' own join: the code's cookie, the upgrade

CODE = "918273"
KEYS = [b"\t", b"\x1b[Z"]   # Tab, Shift-Tab: the focused pane, a new view each time
QUIET = 0.3                 # all quiet this long between steps
LIMIT = 15.0                # the longest a step waits for every viewer

class Viewer:
    __slots__ = ("sock", "buf", "started", "views", "others", "closed")

    def __init__(self, sock, rest):
        self.sock, self.buf, self.started, self.views, self.others, self.closed = sock, b"", 0.0, 0, 0, False
        if rest: self.feed(rest, time.monotonic(), None)

    def pong(self, payload):
        mask = os.urandom(4)
        data = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        try: self.sock.send(bytes([0x8A, 0x80 | len(data)]) + mask + data)
        except OSError: pass

    def feed(self, chunk, now, on_view):
        """Frames from the door's bytes; a view frame is reported with the time its first byte came."""
        if not self.buf: self.started = now
        buf = self.buf + chunk
        while len(buf) >= 2:
            n, at = buf[1] & 0x7F, 2
            if n == 126: n, at = int.from_bytes(buf[2:4], "big"), 4
            elif n == 127: n, at = int.from_bytes(buf[2:10], "big"), 10
            if len(buf) < at + n: break
            opcode, payload, buf = buf[0] & 0x0F, buf[at:at + n], buf[at + n:]
            if opcode == 0x1 and b'"t":"view"' in payload:
                self.views += 1
                if on_view: on_view(self, self.started)
            elif opcode == 0x9: self.pong(payload[:125])
            elif opcode == 0x8: self.closed = True
            else: self.others += 1
            self.started = now   # what is left came in this chunk
        self.buf = buf

    def read(self, now, on_view):
        """Everything the socket holds; False when it has closed."""
        got = False
        while True:
            try: chunk = self.sock.recv(65536)
            except BlockingIOError: break
            except OSError: self.closed = True; break
            if not chunk: self.closed = True; break
            got = True
            self.feed(chunk, now, on_view)
        return got

class Room:
    """The presenter's pty and the viewers' sockets on one selector (epoll: no limit at fd 1024)."""
    def __init__(self, presenter_fd):
        self.sel = selectors.DefaultSelector()
        self.presenter = presenter_fd
        self.sel.register(presenter_fd, selectors.EVENT_READ, None)
        self.viewers = []

    def add(self, viewer):
        viewer.sock.setblocking(False)
        self.sel.register(viewer.sock, selectors.EVENT_READ, viewer)
        self.viewers.append(viewer)

    def pump(self, timeout, on_view=None, on_presenter=None):
        """One wait; True if anything came."""
        got = False
        for key, _ in self.sel.select(timeout):
            now = time.monotonic()
            v = key.data
            if v is None:
                try: chunk = os.read(self.presenter, 65536)
                except OSError: chunk = b""
                if chunk:
                    got = True
                    if on_presenter: on_presenter(now)
                else:
                    self.sel.unregister(self.presenter)   # the presenter has gone
                continue
            if v.read(now, on_view): got = True
            if v.closed:
                self.sel.unregister(v.sock)
                v.sock.close()
        return got

    def drain(self, quiet=QUIET, limit=30.0):
        """Reads everything until all have been quiet for `quiet` seconds (or `limit`)."""
        start = last = time.monotonic()
        while time.monotonic() - last < quiet and time.monotonic() - start < limit:
            if self.pump(quiet / 3): last = time.monotonic()

    def open_viewers(self):
        return [v for v in self.viewers if not v.closed]

    def close(self):
        for v in self.viewers:
            if not v.closed:
                try: v.sock.close()
                except OSError: pass
        self.sel.close()

def join(room, port, jar, n, batch=50):
    """N viewers, `batch` at a time (each batch upgraded, then everyone drained), as a room
    arrives. Returns the refusals by status."""
    refused = {}
    for i in range(0, n, batch):
        pending = []
        for _ in range(min(batch, n - i)):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
                s.sendall(upgrade_request(port, jar))
                pending.append(s)
            except OSError as e:
                refused[type(e).__name__] = refused.get(type(e).__name__, 0) + 1
        deadline = time.monotonic() + 20
        for s in pending:
            head = b""
            try:
                while b"\r\n\r\n" not in head and time.monotonic() < deadline:
                    chunk = s.recv(4096)
                    if not chunk: break
                    head += chunk
            except OSError:
                pass
            head, _, rest = head.partition(b"\r\n\r\n")
            status = head.split(b" ", 2)[1].decode() if head.startswith(b"HTTP/1.1 ") else "none"
            if status != "101":
                refused[status] = refused.get(status, 0) + 1
                s.close()
                continue
            room.add(Viewer(s, rest))
        room.drain(limit=30)
    return refused

def step(room, key, on_view=None):
    """One key to the presenter: per viewer, the seconds to its first view; the presenter's
    first byte back; then everything drained until quiet."""
    firsts, presenter = {}, []
    watching = {id(v) for v in room.open_viewers()}
    sent = time.monotonic()
    def view(v, started):
        if started >= sent: firsts.setdefault(id(v), started - sent)
    def own(now):
        if not presenter: presenter.append(now - sent)
    os.write(room.presenter, key)
    while time.monotonic() - sent < LIMIT and (len(firsts) < len(watching) or not presenter):
        room.pump(0.05, view, own)
    room.drain(limit=5)
    missing = len(watching) - len(firsts)
    return list(firsts.values()), (presenter[0] if presenter else None), missing

def steps(room, n):
    """n timed steps after one untimed warm-up step."""
    latencies, own, missing = [], [], 0
    for i in range(n + 1):
        firsts, first, lost = step(room, KEYS[i % 2])
        if i == 0: continue
        latencies += [f * 1000 for f in firsts]
        if first is not None: own.append(first * 1000)
        missing += lost
        if lost: print(f"  warning: step {i}: {lost} viewers did not update within {LIMIT:.0f} s", file=sys.stderr)
    return latencies, own

def end(pid, fd):
    """q, then SIGTERM, then SIGKILL, each given a bounded while."""
    try: os.write(fd, b"q")
    except OSError: pass
    for sig in [None, signal.SIGTERM, signal.SIGKILL]:
        if sig is not None:
            try: os.kill(pid, sig)
            except ProcessLookupError: pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try: read_until_quiet(fd, quiet=0.1, limit=0.2)
            except OSError: pass
            try:
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    os.close(fd); return
            except ChildProcessError:
                os.close(fd); return
    os.close(fd)

def gone(pid, limit=5.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and os.path.exists(f"/proc/{pid}"): time.sleep(0.05)
    if os.path.exists(f"/proc/{pid}"):
        try: os.kill(pid, signal.SIGKILL)
        except ProcessLookupError: pass

def pct(values, p):
    values = sorted(values)
    return values[max(0, int(len(values) * p) - 1)] if values else float("nan")

def med(values): return statistics.median(values) if values else float("nan")

def baseline(binary, n_steps):
    """The presenter alone (no --web): its key→frame time."""
    d = tempfile.mkdtemp(prefix="tri-web-bench-")
    pid, fd, _ = spawn([binary, "present", "--session", "bench", "--dir", d], 120, 40)
    try:
        read_until_quiet(fd, limit=10)
        room = Room(fd)
        _, own = steps(room, n_steps)
        room.close()
    finally:
        end(pid, fd); shutil.rmtree(d, ignore_errors=True)
    return med(own)

def web(binary, n, n_steps):
    d = tempfile.mkdtemp(prefix="tri-web-bench-")
    port = free_port()
    pid, fd, _ = spawn([binary, "present", "--session", "bench", "--dir", d, "--web", f"127.0.0.1:{port}",
                        "--web-max", str(n + 10), "--room-code", CODE], 120, 40)
    room, door = None, None
    try:
        read_until_quiet(fd, limit=10)
        deadline = time.monotonic() + 10
        while door is None and time.monotonic() < deadline:
            found = subprocess.run(["pgrep", "-f", f"trilateral-web --listen 127.0.0.1:{port}"], capture_output=True, text=True).stdout.split()
            if found: door = int(found[0])
            else: time.sleep(0.1)
        if door is None: raise SystemExit("the door did not start")
        jar = None
        while jar is None and time.monotonic() < deadline + 10:
            try: jar = cookie(port, CODE)
            except OSError: time.sleep(0.1)
        if jar is None: raise SystemExit("the door does not answer")
        read_until_quiet(fd, quiet=0.3, limit=2)
        door_base, presenter_base = private_kib(door), private_kib(pid)
        room = Room(fd)
        started = time.monotonic()
        refused = join(room, port, jar, n)
        joined = len(room.open_viewers())
        print(f"  {n} viewers: {joined} joined in {time.monotonic() - started:.1f} s"
              + (f", refused: {refused}" if refused else ""), file=sys.stderr)
        latencies, own = steps(room, n_steps)
        door_mem, presenter_mem = (private_kib(door) - door_base) / n, (private_kib(pid) - presenter_base) / n
        still = len(room.open_viewers())
        others = sum(v.others for v in room.viewers)
        if still < joined: print(f"  warning: {joined - still} viewers were closed by the door", file=sys.stderr)
        if others: print(f"  note: {others} frames other than views", file=sys.stderr)
    finally:
        if room: room.close()
        end(pid, fd)
        if door: gone(door)
        shutil.rmtree(d, ignore_errors=True)
    return med(latencies), pct(latencies, 0.95), door_mem, presenter_mem, med(own)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewers", default="100,1000")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("binary")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    counts = [int(x) for x in a.viewers.split(",")]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(counts) + 100
    if soft < want: resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    print(f"{'viewers':>7} {'median ms':>10} {'p95 ms':>8} {'door KiB/viewer':>16} {'presenter KiB/viewer':>21} {'presenter key→frame ms':>23}")
    print(f"{0:>7} {'-':>10} {'-':>8} {'-':>16} {'-':>21} {baseline(binary, a.steps):>23.1f}", flush=True)
    for n in counts:
        median, p95, door_mem, presenter_mem, own = web(binary, n, a.steps)
        print(f"{n:>7} {median:>10.1f} {p95:>8.1f} {door_mem:>16.1f} {presenter_mem:>21.1f} {own:>23.1f}", flush=True)

if __name__ == "__main__":
    main()
