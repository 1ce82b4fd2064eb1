#!/usr/bin/env bash
# Load benchmark: this site against an equivalent Flask app (gunicorn, 2 workers) and nginx
# serving the same lesson bytes. Prints requests/s and latency (p50/p99) at 64 connections,
# the site's peak RSS and its start-up time to ready, and the ratios.
#
# Needs: wrk, nginx (Debian packages), gunicorn, markdown, pygments (pip), Flask.
#   apt-get install -y wrk nginx-light && pip install gunicorn markdown pygments
# Usage: benches/run.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
for tool in wrk nginx gunicorn; do
  command -v "$tool" >/dev/null || { echo "missing $tool: see the header of $0" >&2; exit 1; }
done

cargo build --release --quiet
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 400); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.01; done; echo "no answer from $1" >&2; exit 1; }

SITE_PORT=$(free_port)
START=$(date +%s%N)
SECRET_KEY=bench RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/release/cookie-course" --port "$SITE_PORT" >"$WORK/site.log" 2>&1 &
SITE_PID=$!; PIDS+=("$SITE_PID")
wait_for "http://127.0.0.1:$SITE_PORT/en/lessons/cookies"
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))

FLASK_PORT=$(free_port)
(cd benches && SECRET_KEY=bench gunicorn -w 2 -b "127.0.0.1:$FLASK_PORT" --log-level warning flask_peer_app:app >"$WORK/flask.log" 2>&1) &
PIDS+=($!)
wait_for "http://127.0.0.1:$FLASK_PORT/en/lessons/cookies"

NGINX_PORT=$(free_port)
mkdir -p "$WORK/www/en/lessons"
curl -fsS "http://127.0.0.1:$SITE_PORT/en/lessons/cookies" >"$WORK/www/en/lessons/cookies"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
wait_for "http://127.0.0.1:$NGINX_PORT/en/lessons/cookies"

# Requests/s, p50 and p99 (ms) of one wrk run.
bench() {
  local url=$1 body=${2:-} cookie=${3:-}
  local out
  if [ -n "$body" ]; then
    out=$(BENCH_BODY="$body" wrk -t2 -c64 -d"${DURATION}s" --latency -s benches/post.lua "$url")
  elif [ -n "$cookie" ]; then
    out=$(wrk -t2 -c64 -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url")
  else
    out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$rps $p50 $p99 ${errors:-none}"
}

COOKIE_FORM="cookie=$(curl -fsS -X POST -H 'Accept: application/json' -d 'key=user&value=ada' "http://127.0.0.1:$SITE_PORT/sandbox/session/set" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session"]["cookie"])')"

# A returning learner: the progress cookie of a first visit plus a session from the sandbox.
JAR="$WORK/jar"
curl -fsS -o /dev/null -c "$JAR" "http://127.0.0.1:$SITE_PORT/en/lessons/cookies"
curl -fsS -o /dev/null -b "$JAR" -c "$JAR" -X POST -H 'Accept: application/json' -d 'key=user&value=ada' "http://127.0.0.1:$SITE_PORT/sandbox/session/set"
LEARNER=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR")

printf '%-22s %12s %9s %9s  %s\n' "what" "requests/s" "p50" "p99" "errors" >&2
# Print the row (stderr, the table) and give back requests/s (stdout, for the ratios).
row() { read -r rps p50 p99 err <<<"$2"; printf '%-22s %12s %9s %9s  %s\n' "$1" "$rps" "$p50" "$p99" "$err" >&2; echo "$rps"; }
SITE_PAGE=$(row "site: lesson page" "$(bench "http://127.0.0.1:$SITE_PORT/en/lessons/cookies")" )
SITE_OWN=$(row "site: page, returning" "$(bench "http://127.0.0.1:$SITE_PORT/en/lessons/cookies" "" "$LEARNER")" )
FLASK_PAGE=$(row "flask: lesson page" "$(bench "http://127.0.0.1:$FLASK_PORT/en/lessons/cookies")" )
NGINX_PAGE=$(row "nginx: lesson bytes" "$(bench "http://127.0.0.1:$NGINX_PORT/en/lessons/cookies")" )
SITE_SET=$(row "site: session set" "$(bench "http://127.0.0.1:$SITE_PORT/sandbox/session/set" 'key=user&value=ada')" )
FLASK_SET=$(row "flask: session set" "$(bench "http://127.0.0.1:$FLASK_PORT/sandbox/session/set" 'key=user&value=ada')" )
SITE_STATE=$(row "site: state JSON" "$(bench "http://127.0.0.1:$SITE_PORT/sandbox/state")" )
FLASK_STATE=$(row "flask: state JSON" "$(bench "http://127.0.0.1:$FLASK_PORT/sandbox/state")" )
SITE_DECODE=$(row "site: /api/decode" "$(bench "http://127.0.0.1:$SITE_PORT/api/decode" "$COOKIE_FORM&key=bench")" )
SITE_SEARCH_EN=$(row "site: search (en, inflected)" "$(bench "http://127.0.0.1:$SITE_PORT/en/search?q=signed+cookies")" )
SITE_SEARCH_RU=$(row "site: search (ru, inflected)" "$(bench "http://127.0.0.1:$SITE_PORT/ru/search?q=%D0%BF%D0%BE%D0%B4%D0%BF%D0%B8%D1%81%D1%8C%D1%8E")" )

RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SITE_PID/status")
ratio() { python3 -c "print(f'{float($1)/float($2):.1f}x')"; }
echo
echo "start-up to ready: ${READY_MS} ms (all lessons rendered); peak RSS: $((RSS_KB / 1024)) MB"
echo "lesson page: $(ratio "$SITE_PAGE" "$FLASK_PAGE") Flask, $(ratio "$SITE_PAGE" "$NGINX_PAGE") nginx (first visit); $(ratio "$SITE_OWN" "$FLASK_PAGE") Flask for a returning learner's own page"
echo "session set: $(ratio "$SITE_SET" "$FLASK_SET") Flask; state: $(ratio "$SITE_STATE" "$FLASK_STATE") Flask; decode: ${SITE_DECODE} req/s"
echo "search: ${SITE_SEARCH_EN} req/s (en), ${SITE_SEARCH_RU} req/s (ru)"
