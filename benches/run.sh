#!/usr/bin/env bash
# Load benchmark: this site beside an equivalent cached Flask app (gunicorn, 2 workers) and
# nginx serving the site's own lesson bytes (plain, and its gzip through gzip_static).
#
# In one run, in interleaved rounds (each round measures every row once, so drift between
# rounds hits every row alike): the lesson page for a first visit (no cookie) and for a
# returning learner (every cookie the site gave a browser that opened a lesson and used the
# sandbox), sandbox set, state and decode; each without and with the Accept-Encoding a browser
# sends. Prints requests/s (mean of the rounds) and p50/p99 (worst round) at 64 connections,
# the bytes on the wire, the ratios, the site's peak RSS and its start-up time to ready.
#
# Needs: wrk, nginx (Debian packages), gunicorn, markdown, pygments (pip), Flask.
#   apt-get install -y wrk nginx-light && pip install gunicorn markdown pygments
# Usage: benches/run.sh [seconds per row, default 5] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-5}"
ROUNDS="${2:-2}"
for tool in wrk nginx gunicorn; do
  command -v "$tool" >/dev/null || { echo "missing $tool: see the header of $0" >&2; exit 1; }
done

cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/cookie-course"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 1000); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.005; done; echo "no answer from $1" >&2; exit 1; }
BROWSER_AE="gzip, deflate, br, zstd"

# Start-up to ready (the first lesson page answered), three starts; the last one stays up.
STARTS=()
for i in 1 2 3; do
  SITE_PORT=$(free_port)
  START=$(date +%s%N)
  SECRET_KEY=bench RUST_LOG=warn "$BIN" --port "$SITE_PORT" >"$WORK/site.log" 2>&1 &
  SITE_PID=$!
  wait_for "http://127.0.0.1:$SITE_PORT/en/lessons/cookies"
  STARTS+=($(( ($(date +%s%N) - START) / 1000000 )))
  if [ "$i" -lt 3 ]; then kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; fi
done
PIDS+=("$SITE_PID")
SITE="http://127.0.0.1:$SITE_PORT"

FLASK_PORT=$(free_port)
(cd benches && SECRET_KEY=bench gunicorn -w 2 -b "127.0.0.1:$FLASK_PORT" --log-level warning flask_peer_app:app >"$WORK/flask.log" 2>&1) &
PIDS+=($!)
FLASK="http://127.0.0.1:$FLASK_PORT"
wait_for "$FLASK/en/lessons/cookies"

# nginx serves the bytes the site gives a first visitor, and the site's own gzip of them.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www/en/lessons"
curl -fsS "$SITE/en/lessons/cookies" >"$WORK/www/en/lessons/cookies"
curl -fsS -H "Accept-Encoding: gzip" "$SITE/en/lessons/cookies" >"$WORK/www/en/lessons/cookies.gz"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  default_type text/html;
  gzip_static on;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
NGINX="http://127.0.0.1:$NGINX_PORT"
wait_for "$NGINX/en/lessons/cookies"

# A returning learner: the browser opened a lesson (progress cookie), then used the lesson's
# sandbox as its forms are filled in: session[key] = value, and a cookie of its own.
JAR="$WORK/jar"
curl -fsS -o /dev/null -c "$JAR" "$SITE/en/lessons/cookies"
curl -fsS -o /dev/null -b "$JAR" -c "$JAR" -X POST -H 'Accept: application/json' -d 'key=user&value=ada' "$SITE/sandbox/session/set"
curl -fsS -o /dev/null -b "$JAR" -c "$JAR" -X POST -H 'Accept: application/json' -d 'name=theme&value=dark' "$SITE/sandbox/cookies/set"
LEARNER=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR")
SESSION=$(awk '{sub(/^#HttpOnly_/, "")} $6 == "session" {print $7}' "$JAR")
FLASK_JAR="$WORK/flask-jar"
curl -fsS -o /dev/null -c "$FLASK_JAR" -X POST -d 'key=user&value=ada' "$FLASK/sandbox/session/set"
FLASK_LEARNER=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$FLASK_JAR")

# Rows: name | URL | cookie | POST body (empty: GET). Each is measured without and with
# Accept-Encoding.
ROWS=(
  "site: lesson, first visit|$SITE/en/lessons/cookies||"
  "nginx: same bytes|$NGINX/en/lessons/cookies||"
  "flask: lesson (cached)|$FLASK/en/lessons/cookies||"
  "site: lesson, returning|$SITE/en/lessons/cookies|$LEARNER|"
  "flask: lesson, returning|$FLASK/en/lessons/cookies|$FLASK_LEARNER|"
  "site: sandbox set|$SITE/sandbox/session/set|$LEARNER|key=user&value=ada"
  "flask: session set|$FLASK/sandbox/session/set|$FLASK_LEARNER|key=user&value=ada"
  "site: state JSON|$SITE/sandbox/state|$LEARNER|"
  "flask: state JSON|$FLASK/sandbox/state|$FLASK_LEARNER|"
  "site: /api/decode|$SITE/api/decode||cookie=$SESSION&key=bench"
)

# One wrk run: "requests/s p50_ms p99_ms non-2xx+errors".
bench() {
  local url=$1 cookie=$2 body=$3 encoding=$4
  local args=(-t2 -c64 -d"${DURATION}s" --latency)
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  [ -n "$encoding" ] && args+=(-H "Accept-Encoding: $encoding")
  local out
  if [ -n "$body" ]; then
    out=$(BENCH_BODY="$body" wrk "${args[@]}" -s benches/post.lua "$url")
  else
    out=$(wrk "${args[@]}" "$url")
  fi
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
bad = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
bad += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
print(rps, f"{p50:.2f}", f"{p99:.2f}", bad)
PY
}

RESULTS="$WORK/results"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name url cookie body <<<"$row"
    for encoding in "" "$BROWSER_AE"; do
      printf '%s|%s|%s|%s\n' "$round" "$name" "${encoding:+gzip…}" "$(bench "$url" "$cookie" "$body" "$encoding")" >>"$RESULTS"
      echo "round $round: $name ${encoding:+(Accept-Encoding)}" >&2
    done
  done
done

# Bytes on the wire for the lesson rows.
wire() {
  local args=(-fsS -o /dev/null -w '%{size_download}')
  [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
  [ -n "${3:-}" ] && args+=(-H "Accept-Encoding: $3")
  curl "${args[@]}" "$1"
}
SIZES="first visit $(wire "$SITE/en/lessons/cookies") B plain, $(wire "$SITE/en/lessons/cookies" "" "$BROWSER_AE") B gzip; returning $(wire "$SITE/en/lessons/cookies" "$LEARNER") B plain, $(wire "$SITE/en/lessons/cookies" "$LEARNER" "$BROWSER_AE") B gzip"
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SITE_PID/status")

python3 - "$RESULTS" "$RSS_KB" "${STARTS[*]}" "$SIZES" "$DURATION" "$ROUNDS" <<'PY'
import collections, statistics, sys
path, rss_kb, starts, sizes, duration, rounds = sys.argv[1:]
rows = collections.OrderedDict()
for line in open(path):
    _, name, enc, rest = line.rstrip("\n").split("|")
    rps, p50, p99, bad = rest.split()
    rows.setdefault((name, enc), []).append((float(rps), float(p50), float(p99), int(bad)))
def rps(name, enc):
    return statistics.mean(r[0] for r in rows[(name, enc)])
peer = {
    "site: lesson, first visit": ("flask: lesson (cached)", "nginx: same bytes"),
    "site: lesson, returning": ("flask: lesson, returning", None),
    "site: sandbox set": ("flask: session set", None),
    "site: state JSON": ("flask: state JSON", None),
}
print(f"wrk -t2 -c64, {duration} s per row, {rounds} interleaved rounds; requests/s is the mean of the rounds, p50/p99 the worst round.\n")
print("| path | Accept-Encoding | requests/s | p50 ms | p99 ms | errors | × Flask | × nginx |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for (name, enc), runs in rows.items():
    mean = statistics.mean(r[0] for r in runs)
    p50 = max(r[1] for r in runs)
    p99 = max(r[2] for r in runs)
    bad = sum(r[3] for r in runs)
    flask, nginx = peer.get(name, (None, None))
    fx = f"{mean / rps(flask, enc):.1f}×" if flask else ""
    nx = f"{mean / rps(nginx, enc):.2f}×" if nginx else ""
    print(f"| {name} | {enc or '—'} | {mean:,.0f} | {p50:.2f} | {p99:.2f} | {bad} | {fx} | {nx} |")
starts = sorted(int(s) for s in starts.split())
print(f"\nstart-up to ready (first lesson page answered), three starts: {', '.join(map(str, starts))} ms; peak RSS after the run: {int(rss_kb) // 1024} MB")
print(f"bytes on the wire: {sizes}")
PY
