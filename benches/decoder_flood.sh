#!/usr/bin/env bash
# A bystander's lesson page while 8 connections flood the decoder, against one build.
#   benches/decoder_flood.sh [BINARY] [KEYS] [ACTION]
# BINARY defaults to target/release/cookie-course; KEYS is how many keys each decoder post
# carries (the site refuses more than 32); ACTION is decode or crack (the weak-key search).
# Needs wrk. Local only: the site on 127.0.0.1, 4 s per measurement.
set -euo pipefail
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/cookie-course}
KEYS=${2:-32}
ACTION=${3:-decode}
PORT=$((30000 + RANDOM % 20000))
SECRET_KEY=bench RUST_LOG=error "$BIN" --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/en/" && break; sleep 0.05; done
COOKIE=$(curl -s -X POST -H 'Accept: application/json' -d key=a -d value=b \
  "http://127.0.0.1:$PORT/sandbox/session/set" -D - -o /dev/null |
  sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\).*/\1/p')
KEYLIST=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote('\n'.join('k%d' % i for i in range(int(sys.argv[1])))))" "$KEYS")
export BENCH_BODY="cookie=$COOKIE&keys=$KEYLIST&action=$ACTION"
page() { wrk -t1 -c8 -d4s -H 'Cookie: progress=x' "http://127.0.0.1:$PORT/en/lessons/cookies" | awk '/Requests\/sec/ {print $2}'; }
alone=$(page)
wrk -t1 -c8 -d6s -s "$(dirname "$0")/post.lua" "http://127.0.0.1:$PORT/en/decoder" >/tmp/decoder_flood.txt &
FLOOD=$!
sleep 1
under=$(page)
wait $FLOOD
flood=$(awk '/Requests\/sec/ {print $2}' /tmp/decoder_flood.txt)
refused=$(awk '/Non-2xx/ {print $NF}' /tmp/decoder_flood.txt)
echo "keys=$KEYS action=$ACTION: bystander ${alone}/s alone, ${under}/s under the flood; flood ${flood}/s (refused: ${refused:-0})"
