#!/usr/bin/env python3
"""The SSH door against today's other path, in one run: a presenter under a pty and N viewers,
each an OpenSSH `ssh -tt` client under its own pty (80x24), reaching the presenter either
through `present --ssh` (trilateral-ssh, which draws every viewer itself) or through a private OpenSSH
sshd on 127.0.0.1 that runs `trilateral follow` for each login (key auth, as the README's
audience account does; MaxStartups raised so sshd is not the one refusing).

  python3 Tests/Performance/ssh_door_measure.py [--viewers 50,200,500] [--steps 5] TRILATERAL

Reports, per path and N: latency from a key written to the presenter's terminal to the first
byte at each viewer's terminal (median and p95 over every viewer and step), and memory per
viewer: the private bytes (smaps_rollup Private_*) of every server-side process the viewers
added (sshd's processes and the followers; trilateral-ssh), divided by N. Both paths also hold
one connection per viewer to the presenter, which is the same on both and not counted.
The ssh clients are the audience's machines and are not counted.
"""
import argparse, os, select, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_measure import spawn, read_until_quiet
from follow_measure import wait_all as drain

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def private_kib(pid):
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Private_"): total += int(line.split()[1])
    except OSError:
        pass
    return total

def by_name(procs):
    """Private KiB per process name (mean and count), for the report's breakdown on stderr."""
    groups = {}
    for p in procs:
        try: name = open(f"/proc/{p}/comm").read().strip()
        except OSError: continue
        groups.setdefault(name, []).append(private_kib(p))
    return ", ".join(f"{k} x{len(v)} {sum(v) / len(v):.0f} KiB" for k, v in sorted(groups.items()))

def tree(root):
    """root and every descendant."""
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit(): continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(d))
        except OSError:
            pass
    out, todo = [], [root]
    while todo:
        p = todo.pop(); out.append(p); todo += children.get(p, [])
    return out

def join(commands, batch=25):
    """Starts viewers in batches, each batch drained before the next, as a room arrives."""
    viewers = []
    for i in range(0, len(commands), batch):
        group = [spawn(c, 80, 24) for c in commands[i:i + batch]]
        drain([g[1] for g in group], quiet=1.0, limit=60)
        viewers += group
    return viewers

def steps(presenter_fd, fds, n):
    """n timed tour steps after one untimed warm-up step (the first step after a room fills
    pays for cold caches in sshd's path, which is not what a room sees)."""
    latencies = []
    for i in range(n + 1):
        firsts, sent = {}, time.monotonic()
        os.write(presenter_fd, b" ")
        last = sent
        while time.monotonic() - last < 0.4 and time.monotonic() - sent < 15:
            r, _, _ = select.select(fds + [presenter_fd], [], [], 0.4)
            now = time.monotonic()
            for fd in r:
                try: chunk = os.read(fd, 65536)
                except OSError: continue
                if fd != presenter_fd and chunk:
                    firsts.setdefault(fd, now - sent); last = now
        missing = len(fds) - len(firsts)
        if missing: print(f"  warning: {missing} viewers did not update", file=sys.stderr)
        if i > 0: latencies += [v * 1000 for v in firsts.values()]
    latencies.sort()
    return statistics.median(latencies), latencies[max(0, int(len(latencies) * 0.95) - 1)]

def end(procs):
    for pid, fd, _ in procs:
        try: os.kill(pid, signal.SIGKILL)
        except ProcessLookupError: pass
    for pid, fd, _ in procs:
        try: os.waitpid(pid, 0)
        except ChildProcessError: pass
        os.close(fd)

def door(binary, n, steps_n):
    d = tempfile.mkdtemp(prefix="tri-door-bench-")
    port = free_port()
    env_state = f"XDG_STATE_HOME={d}/state"
    presenter = spawn(["env", env_state, binary, "present", "--session", "bench", "--dir", d, "--ssh", f"127.0.0.1:{port}",
                       "--ssh-max", str(n + 10), "--room-code", "918273"], 120, 40)
    read_until_quiet(presenter[1], limit=10)
    server = int(subprocess.run(["pgrep", "-f", f"trilateral-ssh --listen 127.0.0.1:{port}"], capture_output=True, text=True).stdout.split()[0])
    base = sum(private_kib(p) for p in tree(server))
    cmd = ["sshpass", "-p", "918273", "ssh", "-tt", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
           "-o", "LogLevel=ERROR", "-p", str(port), "viewer@127.0.0.1"]
    viewers = join([cmd] * n)
    os.write(presenter[1], b"b"); drain([v[1] for v in viewers] + [presenter[1]], quiet=0.5, limit=120)
    median, p95 = steps(presenter[1], [v[1] for v in viewers], steps_n)
    procs = tree(server)
    mem = (sum(private_kib(p) for p in procs) - base) / n
    print(f"  door, {n} viewers: {by_name(procs)}", file=sys.stderr)
    end(viewers); end([presenter]); shutil.rmtree(d, ignore_errors=True)
    return median, p95, mem, len(procs) - 1

def audience_account(d):
    """The README's audience account (shell /bin/sh, a group that may reach the socket folder),
    made once as a system account when this runs as root; sshd runs ForceCommand through the
    account's shell, and root's bash would source ~/.bashrc for every login (Debian's bash does
    under sshd), which measures the rc file, not sshd. Not root: this account, as it is."""
    if os.geteuid() != 0:
        return os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip(), None
    name = "tri-bench-audience"
    if subprocess.run(["getent", "group", name], capture_output=True).returncode != 0:
        subprocess.run(["groupadd", "--system", name], check=True)
    if subprocess.run(["id", name], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--system", "--gid", name, "--shell", "/bin/sh", "--home-dir", "/nonexistent", "--no-create-home", name], check=True)
        subprocess.run(["usermod", "-p", "*", name], check=True)  # no password, not locked (sshd refuses "!")
    shutil.chown(d, group=name); os.chmod(d, 0o2770)
    for f in ["authorized_keys"]: os.chmod(f"{d}/{f}", 0o644)
    return name, name

def sshd_path(binary, n, steps_n):
    d = tempfile.mkdtemp(prefix="tri-sshd-bench-")
    port = free_port()
    for k in ["host_key", "user_key"]:
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{d}/{k}"], check=True)
    shutil.copy(f"{d}/user_key.pub", f"{d}/authorized_keys")
    user, group = audience_account(d)
    with open(f"{d}/sshd_config", "w") as f:
        f.write(f"""Port {port}
ListenAddress 127.0.0.1
HostKey {d}/host_key
PidFile {d}/sshd.pid
AuthorizedKeysFile {d}/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
MaxStartups 1000
MaxSessions 10
LogLevel ERROR
ForceCommand env LANG=C.UTF-8 {binary} follow bench --dir {d}
""")
    os.makedirs("/run/sshd", exist_ok=True)
    subprocess.run(["/usr/sbin/sshd", "-f", f"{d}/sshd_config", "-E", f"{d}/sshd.log"], check=True)
    while not os.path.exists(f"{d}/sshd.pid"): time.sleep(0.05)
    sshd = int(open(f"{d}/sshd.pid").read())
    presenter = spawn([binary, "present", "--session", "bench", "--dir", d] + (["--group", group] if group else []), 120, 40)
    read_until_quiet(presenter[1], limit=10)
    base = sum(private_kib(p) for p in tree(sshd))
    cmd = ["ssh", "-tt", "-i", f"{d}/user_key", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
           "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-p", str(port), f"{user}@127.0.0.1"]
    viewers = join([cmd] * n)
    os.write(presenter[1], b"b"); drain([v[1] for v in viewers] + [presenter[1]], quiet=0.5, limit=120)
    median, p95 = steps(presenter[1], [v[1] for v in viewers], steps_n)
    procs = tree(sshd)
    mem = (sum(private_kib(p) for p in procs) - base) / n
    print(f"  sshd, {n} viewers: {by_name(procs)}", file=sys.stderr)
    end(viewers); end([presenter])
    os.kill(sshd, signal.SIGTERM)
    shutil.rmtree(d, ignore_errors=True)
    return median, p95, mem, len(procs) - 1

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewers", default="50,200,500")
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("binary")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    print(f"{'path':<34} {'viewers':>7} {'median ms':>10} {'p95 ms':>8} {'KiB/viewer':>11} {'processes':>10}")
    for n in [int(x) for x in a.viewers.split(",")]:
        for name, run in [("present --ssh (trilateral-ssh)", door), ("sshd + trilateral follow", sshd_path)]:
            median, p95, mem, procs = run(binary, n, a.steps)
            print(f"{name:<34} {n:>7} {median:>10.1f} {p95:>8.1f} {mem:>11.0f} {procs:>10}", flush=True)

if __name__ == "__main__":
    main()
