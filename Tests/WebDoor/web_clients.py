#!/usr/bin/env python3
"""Clients for the web door's load and fault tests (`present --web`), on loopback. Each mode
prints one JSON line per report and keeps its connections until standard input closes (the
test's way of saying "done"), so the test can look at the presenter while they are there.

  web_clients.py viewers PORT CODE --count N   N WebSocket viewers (python3-websockets): a report when
                                               all have their first view, another when all have a newer one
  web_clients.py stalled PORT CODE --count N   N viewers that upgrade and then never read
  web_clients.py faults PORT CODE              every refusal: methods, paths, sizes, a slow request, a
                                               foreign origin, no cookie, a flood, malformed frames
  web_clients.py upgrade PORT CODE            one more viewer: the status its upgrade gets (101, 503 when full)
  web_clients.py guesses PORT --count N        N wrong codes from this address: how many were judged
  web_clients.py reload PORT FILE              a --watch reload: the page is told, and serves the new text

CODE is the room code, or "-" for an open room. Every loop is bounded by a count and a time.
"""
import asyncio, base64, json, os, socket, sys, time

def say(**report): print(json.dumps(report), flush=True)

def cookie(port, code):
    """The room's cookie for a code (POST /join), or "" for an open room."""
    if code == "-": return ""
    body = f"code={code}".encode()
    reply = exchange(port, b"POST /join HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % (port, len(body)) + body)
    for line in reply.split(b"\r\n"):
        if line.lower().startswith(b"set-cookie:"): return line.split(b":", 1)[1].split(b";")[0].strip().decode()
    raise SystemExit(f"no cookie for the code: {reply[:200]!r}")

def exchange(port, request, limit=10.0):
    """Sends a request, reads the answer until the server closes (every answer closes)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=limit)
    s.sendall(request)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
    except OSError:
        pass
    s.close()
    return data

def status(reply): return int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else None

def headers(reply):
    head = reply.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in head if ":" in h)}

def upgrade_request(port, jar, origin=None):
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [f"GET /live HTTP/1.1", f"Host: 127.0.0.1:{port}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
    if jar: lines.append(f"Cookie: {jar}")
    if origin: lines.append(f"Origin: {origin}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()

def raw_viewer(port, jar, origin=None, timeout=10.0):
    """A WebSocket by hand: the socket after a 101, or the refusal's status."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(upgrade_request(port, jar, origin))
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1)
        if not chunk: break
        head += chunk
    if status(head) != 101:
        s.close()
        return None, status(head)
    return s, 101

def frame(opcode, payload, fin=True, masked=True, claimed=None, rsv=0):
    """A client frame (masked, as RFC 6455 requires of clients, unless told not to)."""
    n = len(payload) if claimed is None else claimed
    first = bytes([(0x80 if fin else 0) | (rsv << 4) | opcode])
    mask_bit = 0x80 if masked else 0
    if n < 126: length = bytes([mask_bit | n])
    elif n < 65536: length = bytes([mask_bit | 126]) + n.to_bytes(2, "big")
    else: length = bytes([mask_bit | 127]) + n.to_bytes(8, "big")
    if not masked: return first + length + payload
    mask = os.urandom(4)
    return first + length + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))

def close_code(s, limit=5.0):
    """Reads frames until the server's close frame (its code) or the end of the connection."""
    s.settimeout(limit)
    buffer, deadline = b"", time.monotonic() + limit
    try:
        while time.monotonic() < deadline:
            chunk = s.recv(65536)
            if not chunk: return "closed"
            buffer += chunk
            while len(buffer) >= 2:
                opcode, n, at = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
                if n == 126: n, at = int.from_bytes(buffer[2:4], "big"), 4
                elif n == 127: n, at = int.from_bytes(buffer[2:10], "big"), 10
                if len(buffer) < at + n: break
                payload, buffer = buffer[at:at + n], buffer[at + n:]
                if opcode == 0x8: return int.from_bytes(payload[:2], "big") if len(payload) >= 2 else "close"
    except OSError:
        return "closed"
    finally:
        s.close()
    return "open"

async def viewers(port, jar, count):
    import websockets
    connections, firsts, seconds = [], 0, 0
    got = {}
    async def one(i):
        nonlocal firsts, seconds
        ws = await websockets.connect(f"ws://127.0.0.1:{port}/live", extra_headers={"Cookie": jar} if jar else None,
                                      open_timeout=60, max_queue=4, ping_interval=None)
        connections.append(ws)
        try:
            async for _ in ws:
                got[i] = got.get(i, 0) + 1
                if got[i] == 1: firsts += 1
                if got[i] == 2: seconds += 1
        except websockets.ConnectionClosed:
            pass
    tasks = []
    for i in range(count):
        tasks.append(asyncio.ensure_future(one(i)))
        if i % 50 == 49 or i == count - 1:
            # A room arrives over a moment, not in one instant: each 50 are in before the next.
            start = time.monotonic()
            while len(connections) < i + 1 and time.monotonic() - start < 20: await asyncio.sleep(0.01)
    start = time.monotonic()
    while firsts < count and time.monotonic() - start < 60: await asyncio.sleep(0.05)
    say(following=firsts, connected=len(connections))
    start = time.monotonic()
    while seconds < count and time.monotonic() - start < 60: await asyncio.sleep(0.05)
    say(moved=seconds)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for ws in connections: await ws.close()
    for t in tasks: t.cancel()

def stalled(port, jar, count):
    held = []
    for _ in range(count):
        s, code = raw_viewer(port, jar)
        if s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            held.append(s)
    say(stalled=len(held))
    sys.stdin.read()
    for s in held: s.close()

def faults(port, jar):
    r = {}
    page = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (f"Cookie: {jar}\r\n".encode() if jar else b"") + b"\r\n")
    h = headers(page)
    r["page"] = status(page)
    r["csp"] = h.get("content-security-policy", "")
    r["nosniff"] = h.get("x-content-type-options")
    r["cache"] = h.get("cache-control")
    head = exchange(port, b"HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (f"Cookie: {jar}\r\n".encode() if jar else b"") + b"\r\n")
    r["head"] = [status(head), len(head.split(b"\r\n\r\n", 1)[1])]
    r["noCookiePage"] = b"Join the briefing" in exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    r["post"] = status(exchange(port, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"))
    r["putLive"] = status(exchange(port, b"PUT /live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"))
    r["unknown"] = status(exchange(port, b"GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
    r["plainLive"] = status(exchange(port, b"GET /live HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (f"Cookie: {jar}\r\n".encode() if jar else b"") + b"\r\n"))
    r["hugeHead"] = status(exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 9000 + b"\r\n\r\n"))
    r["hugeBody"] = status(exchange(port, b"POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4000\r\n\r\n" + b"code=" + b"1" * 3995))
    r["garbage"] = status(exchange(port, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64) + b"\r\n\r\n"))
    start = time.monotonic()
    slow = socket.create_connection(("127.0.0.1", port), timeout=20)
    slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    answer = b""
    try:
        while True:
            chunk = slow.recv(4096)
            if not chunk: break
            answer += chunk
    except OSError:
        pass
    r["slow"] = [status(answer), round(time.monotonic() - start)]
    _, r["noCookieLive"] = raw_viewer(port, "")
    _, r["foreignOrigin"] = raw_viewer(port, jar, origin="http://evil.example")
    # On /live: a flood of statuses, then malformed frames, each on its own viewer.
    s, _ = raw_viewer(port, jar)
    s.sendall(b"".join(frame(0x1, b'{"browsing":true}' if i % 2 else b'{"browsing":false}') for i in range(60)))
    r["flood"] = close_code(s)
    cases = {
        "unmasked": frame(0x1, b'{"browsing":true}', masked=False),
        "binary": frame(0x2, b"\x00\x01\x02"),
        "fragment": frame(0x1, b'{"brow', fin=False),
        "reservedOpcode": frame(0x3, b"x"),
        "oversized": frame(0x1, b"", claimed=1 << 20)[:14],
        "notAStatus": frame(0x1, b'{"command":"next"}'),
        "garbageFrame": os.urandom(32),
        "reservedBits": frame(0x1, b'{"browsing":true}', rsv=4),
        "badCloseCode": frame(0x8, (5).to_bytes(2, "big")),
        "shortClose": frame(0x8, b"\x03"),
        "goodClose": frame(0x8, (1000).to_bytes(2, "big")),
    }
    for name, data in cases.items():
        s, _ = raw_viewer(port, jar)
        s.sendall(data)
        r[name] = close_code(s)
    # Pings spend from the same allowance as statuses: a flood of them, never read, is closed.
    s, _ = raw_viewer(port, jar)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try: s.sendall(b"".join(frame(0x9, b"p" * 125) for _ in range(40)))
    except OSError: pass
    r["pingFlood"] = close_code(s)
    # Another name for this loopback door (DNS rebinding): not answered, not upgraded.
    r["foreignHost"] = status(exchange(port, b"GET / HTTP/1.1\r\nHost: attacker.example:%d\r\n\r\n" % port))
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(upgrade_request(port, jar, origin=f"http://attacker.example:{port}").replace(f"Host: 127.0.0.1:{port}".encode(), f"Host: attacker.example:{port}".encode()))
    head = b""
    try:
        while b"\r\n\r\n" not in head:
            chunk = s.recv(1)
            if not chunk: break
            head += chunk
    except OSError: pass
    s.close()
    r["foreignHostLive"] = status(head)
    # One address may keep only so many connections waiting (half-sent requests): the rest are
    # closed at once, and the door still answers once they go.
    held, shut = [], 0
    for _ in range(160):
        c = socket.create_connection(("127.0.0.1", port), timeout=5)
        c.sendall(b"GET / HTTP/1.1\r\n")
        held.append(c)
    for c in held:
        c.settimeout(0.3)
        try:
            if c.recv(1) == b"": shut += 1
        except socket.timeout: pass
        except OSError: shut += 1
    for c in held: c.close()
    r["waitingClosed"] = shut
    time.sleep(0.2)
    r["afterWaiting"] = status(exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
    say(**r)

def guesses(port, count, seconds):
    judged, waits, start = 0, 0, time.monotonic()
    for _ in range(count):
        if time.monotonic() - start > seconds: break
        body = b"code=000000"
        reply = exchange(port, b"POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        if status(reply) == 403: judged += 1
        elif status(reply) == 429: waits += 1
    say(judged=judged, waited=waits)

async def reload(port, path):
    import websockets
    async with websockets.connect(f"ws://127.0.0.1:{port}/live", ping_interval=None) as ws:
        await asyncio.wait_for(ws.recv(), 10)
        text = open(path).read()
        marker = "Reloaded title " + str(os.getpid())
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("title:"):
                lines[i] = f"title: {marker}"
                break
        with open(path + ".new", "w") as f: f.write("\n".join(lines))
        os.rename(path + ".new", path)
        told, start = False, time.monotonic()
        while time.monotonic() - start < 10:
            message = json.loads(await asyncio.wait_for(ws.recv(), 10))
            if message.get("t") == "reload": told = True; break
        page = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").decode("utf-8", "replace")
        say(told=told, served=marker in page)

if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    count = int(rest[rest.index("--count") + 1]) if "--count" in rest else 1
    if mode == "viewers": asyncio.run(viewers(port, cookie(port, rest[0]), count))
    elif mode == "stalled": stalled(port, cookie(port, rest[0]), count)
    elif mode == "faults": faults(port, cookie(port, rest[0]))
    elif mode == "guesses": guesses(port, count, 20)
    elif mode == "upgrade":
        s, code = raw_viewer(port, cookie(port, rest[0]))
        say(status=code)
        if s: s.close()
    elif mode == "reload": asyncio.run(reload(port, rest[0]))
