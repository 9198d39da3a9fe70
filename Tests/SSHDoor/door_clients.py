#!/usr/bin/env python3
"""Load and faults against `trilateral present --ssh`, from a second SSH implementation
(asyncssh; Debian's python3-asyncssh), so the door is not only tested by the client it was
written against.

Usage: door_clients.py SCENARIO PORT CODE [--count N] [--seconds S] [--key FILE]
Scenarios (each prints one JSON line; the held ones then wait for stdin to close):
  viewers   N viewers with a pty and a shell at once; each waits for its dashboard's status
            bar ("following"); reports how many saw it and the seconds the slowest took.
  stalled   N viewers that open a shell and then never read (their SSH window fills).
  half      N connections that send the SSH banner and stop halfway; reports how many the
            server closed within --seconds (its admission timeout is 30 s).
  garbage   N connections that send garbage instead of a banner; how many were closed
            within 5 s.
  guesses   up to N wrong codes, 20 connections at a time, for at most --seconds; reports how
            many were answered, so a test can check that guessing is slowed; with --key, a
            viewer admitted by its key during the flood.
  hostile   N admitted viewers that ask for a made-up terminal type and a 100000x100000
            terminal, then send bursts of window changes, a megabyte of keys and bytes that
            are no keys; reports how many still answer q afterwards (a clean exit, the
            terminal put back).
"""
import argparse, asyncio, json, sys, time, warnings
warnings.filterwarnings("ignore")
import asyncssh

def options(code=None, key=None):
    return dict(host="127.0.0.1", username="viewer", known_hosts=None, password=code,
                client_keys=[key] if key else None, agent_path=None, preferred_auth="publickey" if key else "password",
                login_timeout=60)

async def viewer(port, code, following=True):
    conn = await asyncssh.connect(port=port, **options(code))
    proc = await conn.create_process(term_type="xterm-256color", term_size=(80, 24), encoding=None)
    if following:
        data = b""
        while b"following" not in data and len(data) < 4 << 20:
            chunk = await asyncio.wait_for(proc.stdout.read(65536), 60)
            if not chunk: break
            data += chunk
        return conn, proc, b"following" in data
    return conn, proc, True

async def hold():
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)

async def viewers(a):
    start = time.monotonic()
    results = await asyncio.gather(*[viewer(a.port, a.code) for _ in range(a.count)], return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException) and r[2]]
    errors = sorted({str(r)[:80] for r in results if isinstance(r, BaseException)})
    print(json.dumps({"viewers": a.count, "following": len(ok), "seconds": round(time.monotonic() - start, 1), "errors": errors}), flush=True)
    # Keep reading, as a live viewer does, until told to stop.
    async def read(proc):
        try:
            while await proc.stdout.read(65536): pass
        except Exception: pass
    readers = [asyncio.ensure_future(read(r[1])) for r in ok]
    await hold()
    for r in ok: r[0].close()
    for f in readers: f.cancel()

async def stalled(a):
    held = []
    for _ in range(a.count):
        conn, proc, _ = await viewer(a.port, a.code, following=False)
        proc.stdout.channel.pause_reading()   # never read again: the window fills
        held.append(conn)
    print(json.dumps({"stalled": len(held)}), flush=True)
    await hold()
    for c in held: c.close()

async def closed_within(reader, seconds):
    try:
        while await asyncio.wait_for(reader.read(4096), seconds): pass
        return True
    except asyncio.TimeoutError:
        return False
    except OSError:
        return True

async def half(a):
    start = time.monotonic()
    pairs = [await asyncio.open_connection("127.0.0.1", a.port) for _ in range(a.count)]
    for _, w in pairs: w.write(b"SSH-2.0-halfway\r\n")
    closed = await asyncio.gather(*[closed_within(r, a.seconds) for r, _ in pairs])
    print(json.dumps({"half": a.count, "closed": sum(closed), "seconds": round(time.monotonic() - start, 1)}), flush=True)

async def garbage(a):
    closed = 0
    for i in range(a.count):
        r, w = await asyncio.open_connection("127.0.0.1", a.port)
        w.write(bytes((i * 7 + j) % 256 for j in range(4096)))
        closed += await closed_within(r, 5)
        w.close()
    print(json.dumps({"garbage": a.count, "closed": closed}), flush=True)

async def guesses(a):
    state = {"tried": 0, "judged": 0}
    deadline = time.monotonic() + a.seconds
    async def worker():
        while time.monotonic() < deadline and state["tried"] < a.count:
            state["tried"] += 1
            try:
                conn = await asyncio.wait_for(asyncssh.connect(port=a.port, **options("wrong-%d" % state["tried"])), max(0.1, deadline - time.monotonic()))
                conn.close()
            except asyncssh.PermissionDenied:
                state["judged"] += 1
            except (asyncio.TimeoutError, OSError, asyncssh.Error):
                pass   # closed or still waiting when the time ran out: not judged
    workers = [asyncio.ensure_future(worker()) for _ in range(20)]
    by_key = None
    if a.key:
        try:
            conn = await asyncio.wait_for(asyncssh.connect(port=a.port, **options(key=a.key)), 20)
            by_key = True
            conn.close()
        except Exception as e:
            by_key = False
            print("key viewer failed:", e, file=sys.stderr)
    await asyncio.gather(*workers)
    print(json.dumps({"tried": state["tried"], "judged": state["judged"], "byKey": by_key}), flush=True)

async def hostile_one(a, i):
    conn = await asyncssh.connect(port=a.port, **options(a.code))
    proc = await conn.create_process(term_type="../../../etc/passwd\x1b[31m" if i % 2 else "x" * 300,
                                     term_size=(100000, 100000), encoding=None)
    async def until(word, limit=4 << 20):
        data = b""
        while word not in data and len(data) < limit:
            chunk = await asyncio.wait_for(proc.stdout.read(65536), 60)
            if not chunk: break
            data += chunk
        return word in data
    first = await until(b"following")
    for n in range(500):
        proc.change_terminal_size(20 + n % 380, 5 + n % 195)
    # Every byte but the ones that leave (q, Ctrl-C, Ctrl-D).
    every = bytes(b for b in range(256) if b not in b"qQ\x03\x04")
    flood = (b"jk\x1b[A\x1b[<0;5;5M\xff\xfe\x1b[" + every + b"?T") * 2000
    proc.stdin.write(b"f" + flood)   # browsing, so the keys do something
    proc.change_terminal_size(80, 24)
    async def quiet():
        # Read until the door has sent everything the flood caused (1 s of silence).
        tail = b""
        while True:
            try: chunk = await asyncio.wait_for(proc.stdout.read(65536), 1)
            except asyncio.TimeoutError: return tail
            if not chunk: return tail
            tail = (tail + chunk)[-4096:]
    await quiet()
    for key in (b"\x1b", b"\x1b", b"q"):   # out of anything the flood opened, then leave
        proc.stdin.write(key)
        tail = await quiet()
    await asyncio.wait_for(proc.wait_closed(), 20)
    conn.close()
    # The session still took keys: q left cleanly and put the terminal back.
    return first and proc.exit_status == 0 and b"\x1b[?1049l" in tail

async def hostile(a):
    start = time.monotonic()
    results = await asyncio.gather(*[hostile_one(a, i) for i in range(a.count)], return_exceptions=True)
    errors = sorted({str(r)[:80] for r in results if isinstance(r, BaseException)})
    print(json.dumps({"hostile": a.count, "survived": sum(1 for r in results if r is True), "errors": errors,
                      "seconds": round(time.monotonic() - start, 1)}), flush=True)

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("scenario")
    p.add_argument("port", type=int)
    p.add_argument("code")
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--key")
    a = p.parse_args()
    asyncio.run({"viewers": viewers, "stalled": stalled, "half": half, "garbage": garbage, "guesses": guesses, "hostile": hostile}[a.scenario](a))
