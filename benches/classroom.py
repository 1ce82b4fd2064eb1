#!/usr/bin/env python3
"""Classroom scale: N followers on the release binary, M moves by the presenter.

Reports the time from the presenter's move to each follower receiving it (p50, p99, max),
whether every move reached every follower, and the server's memory per follower (RSS).
Local only: the site on 127.0.0.1, the followers in this process.

    cargo build --release && python3 benches/classroom.py --followers 1000 --moves 20
"""
import argparse
import asyncio
import os
import re
import resource
import statistics
import subprocess
import sys
import time

SECTIONS = ["", "setting-a-cookie", "reading-cookies", "deleting-a-cookie"]


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def request(host, port, path, headers=""):
    r, w = await asyncio.open_connection(host, port)
    w.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{headers}\r\n".encode())
    await w.drain()
    data = await r.read()
    w.close()
    return data


class Follower:
    def __init__(self):
        self.buf = b""
        self.reader = None
        self.writer = None

    async def open(self, host, port):
        self.reader, self.writer = await asyncio.open_connection(host, port)
        self.writer.write(
            f"GET /classroom/events?follow=1 HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await self.writer.drain()
        while b"\r\n\r\n" not in self.buf:
            chunk = await self.reader.read(4096)
            if not chunk:
                raise RuntimeError("follower stream closed: " + self.buf.decode(errors="replace"))
            self.buf += chunk
        status = self.buf.split(b" ", 2)[1]
        if status != b"200":
            raise RuntimeError("follower refused: " + self.buf.decode(errors="replace"))

    async def wait_seq(self, seq):
        needle = f'"seq":{seq}'.encode()
        while needle not in self.buf:
            chunk = await self.reader.read(65536)
            if not chunk:
                return None
            self.buf += chunk
        arrived = time.perf_counter()
        self.buf = self.buf[self.buf.index(needle) + len(needle):]
        return arrived


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--followers", type=int, default=1000)
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "cookie-course"))
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    n = args.followers
    proc = subprocess.Popen(
        [args.bin, "--classroom", "--host", "127.0.0.1", "--port", "0",
         "--max-streams", str(n + 16), "--max-streams-per-client", str(n + 16)],
        env={**os.environ, "SECRET_KEY": "bench-key", "RUST_LOG": "warn"},
        stdout=subprocess.PIPE, text=True,
    )
    host = port = token = None
    for line in proc.stdout:
        m = re.search(r"Serving on http://([\d.]+):(\d+)", line)
        if m:
            host, port = m.group(1), int(m.group(2))
        m = re.search(r"token=([0-9a-f]{32})", line)
        if m:
            token = m.group(1)
            break
    try:
        cookie = f"Cookie: classroom_instructor={token}\r\n"
        await request(host, port, "/en/lessons/cookies")  # warm up
        before = rss_kb(proc.pid)
        followers = [Follower() for _ in range(n)]
        started = time.perf_counter()
        for i in range(0, n, 100):
            await asyncio.gather(*(f.open(host, port) for f in followers[i:i + 100]))
        opened = time.perf_counter() - started
        await asyncio.sleep(0.5)
        after = rss_kb(proc.pid)
        # The stream sends the current position first (null before any move): seq 1 is the
        # first move.
        latencies, missed = [], 0
        for move in range(1, args.moves + 1):
            section = SECTIONS[move % len(SECTIONS)]
            path = "/en/present/cookies" + (f"?section={section}" if section else "")
            if move > 1 and SECTIONS[(move - 1) % len(SECTIONS)] == section:
                path = "/en/present/session-basics"
            waits = [asyncio.ensure_future(f.wait_seq(move)) for f in followers]
            sent = time.perf_counter()
            await request(host, port, path, cookie)
            arrived = await asyncio.wait_for(asyncio.gather(*waits), timeout=30)
            for a in arrived:
                if a is None:
                    missed += 1
                else:
                    latencies.append((a - sent) * 1000)
        latencies.sort()
        p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
        peak = rss_kb(proc.pid)
        print(f"followers: {n} (opened in {opened:.2f} s), moves: {args.moves}")
        print(f"deliveries: {len(latencies)} of {n * args.moves} (missed {missed})")
        print(f"move to follower: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
        print(f"RSS: {before / 1024:.1f} MB before, {after / 1024:.1f} MB with followers, {peak / 1024:.1f} MB after the moves")
        print(f"memory per follower: {(after - before) / n:.1f} KB")
        for f in followers:
            f.writer.close()
        return 0 if missed == 0 else 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
