#!/usr/bin/env bash
# Soak: 60 s of mixed load at 256 connections against the release build, sampling the
# server's RSS every 5 s. Passes when there are no errors and memory is flat (the last
# sample within 10% of the one after warm-up).
# Needs: wrk (apt-get install -y wrk).
# Usage: benches/soak.sh [seconds, default 60] [connections, default 256]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-60}"
CONNS="${2:-256}"
cargo build --release --quiet
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SECRET_KEY=soak RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/release/cookie-course" --port "$PORT" >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 400); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break; sleep 0.01; done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status"; }
echo "RSS at start: $(rss) MB"
(
  for t in $(seq 5 5 "$DURATION"); do sleep 5; echo "  t=${t}s RSS $(rss) MB"; done
) &
SAMPLER=$!
OUT=$(ulimit -n 65536 2>/dev/null; wrk -t2 -c"$CONNS" -d"${DURATION}s" -s benches/soak.lua "http://127.0.0.1:$PORT")
wait $SAMPLER 2>/dev/null || true
echo "$OUT" | grep -E "Requests/sec|soak:"
echo "RSS at end: $(rss) MB; peak: $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$PID/status") MB"
echo "$OUT" | grep -q "0 socket errors, 0 non-2xx/3xx" || { echo "soak: errors" >&2; exit 1; }
