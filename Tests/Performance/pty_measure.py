#!/usr/bin/env python3
"""Terminal-level measurements: runs a program under a pseudo-terminal of a chosen size,
types keys, and counts what it writes.

  python3 Tests/Performance/pty_measure.py [--size 120x40] [--runs 5] -- PROGRAM [ARGS...]

Reports (medians over --runs): time to the first complete frame, bytes written per key
scenario, bytes and CPU ticks over 3 idle seconds, and peak RSS. A frame is complete when
the program has been silent for 150 ms after writing.
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

QUIET = 0.15

def read_until_quiet(fd, quiet=QUIET, limit=5.0):
    data, start, last = b"", time.monotonic(), None
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if data: break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk: break
        data += chunk
        last = time.monotonic()
    return data, last

def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

def spawn(argv, cols, rows):
    """Starts argv under a new pty of cols x rows; returns (pid, master fd, start time)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = os.environ.get("MEASURE_TERM", "xterm-256color")
        os.environ.setdefault("LANG", "C.UTF-8")
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd, time.monotonic()

def stop(pid, fd):
    """Quits politely (q), then makes sure."""
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    read_until_quiet(fd)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)

def one_run(argv, cols, rows, scenarios):
    pid, fd, started = spawn(argv, cols, rows)
    first, last = read_until_quiet(fd, limit=10)
    result = {"first_frame_ms": (last - started) * 1000 if last else float("nan"), "first_frame_bytes": len(first)}
    for name, keys in scenarios:
        if name == "resize":
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows - 4, cols - 10, 0, 0))
            os.kill(pid, signal.SIGWINCH)
        else:
            os.write(fd, keys)
        out, _ = read_until_quiet(fd)
        result[name] = len(out)
    ticks = cpu_ticks(pid)
    idle, _ = read_until_quiet(fd, quiet=3.0, limit=3.0)
    result["idle_bytes"] = len(idle)
    result["idle_cpu_ticks"] = cpu_ticks(pid) - ticks
    result["peak_rss_mb"] = peak_rss_kb(pid) / 1024
    stop(pid, fd)
    return result

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keys", default="trilateral", choices=["trilateral", "htop", "mdp"])
    ap.add_argument("argv", nargs="+")
    a = ap.parse_args()
    cols, rows = map(int, a.size.lower().split("x"))
    scenarios = {
        "trilateral": [("selection_move", b"j"), ("focus_change", b"\t"), ("open_detail", b"\r"), ("help", b"?"), ("help_close", b"?"),
                       ("whatif_open", b"w"), ("whatif_toggle", b"1"), ("whatif_close", b"w"), ("tour_start", b"b"), ("tour_step", b" "),
                       ("resize", b"")],
        "htop": [("selection_move", b"\x1b[B"), ("focus_change", b"\t"), ("resize", b"")],
        "mdp": [("selection_move", b"j"), ("focus_change", b"j"), ("resize", b"")],
    }[a.keys]
    runs = [one_run(a.argv, cols, rows, scenarios) for _ in range(a.runs)]
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"{key:18} {statistics.median(values):10.1f}   (runs: {', '.join(f'{v:.1f}' for v in values)})")

if __name__ == "__main__":
    main()
