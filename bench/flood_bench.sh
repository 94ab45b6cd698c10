#!/usr/bin/env bash
# A search flood beside a cached document page (bench/README.md, "Search flood").
#
#   bench/flood_bench.sh BUILD_DIR         full run (~2 min)
#   BENCH_QUICK=1 bench/flood_bench.sh B   3 s runs: checks it works
#
# zwgk serve is pinned to CPU 0 (one I/O thread, the default workers); both wrk processes
# to CPU 1. The probe fetches the seed document page (a page-cache hit) with 8 connections;
# the flood sends `wrk -t1 -c200` searches at the same time. The figure of merit is the
# probe's p99 under the flood divided by its p99 alone, in the same run (goal: <= 2), and
# the probe's errors (goal: none). Scenarios:
#   idle             the probe alone
#   same query       200 connections searching 政务公开 (cached after the first answer)
#   distinct         every search different (no cache), from one address: the rate limit
#   distinct, no rl  the same with the rate limit off: only the worker pool and load
#                    shedding (503) stand between the flood and the cached page
#   nginx            the reference: nginx (one worker, CPU 0) serving the same page bytes,
#                    alone and beside 200 connections fetching another static page as fast
#                    as they can — what a flood of cheap answers costs a probe on one core
# Environment: BENCH_DURATION (s), BENCH_FLOOD_CONNECTIONS (200), BENCH_KEEP=1.
set -euo pipefail

BUILD=${1:-build}
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
case "$BUILD" in /*) ;; *) BUILD="$ROOT_DIR/$BUILD" ;; esac
ZWGK="$BUILD/zwgk"
if [ "${BENCH_QUICK:-0}" = 1 ]; then DURATION=${BENCH_DURATION:-3}; else DURATION=${BENCH_DURATION:-15}; fi
FLOOD_C=${BENCH_FLOOD_CONNECTIONS:-200}
SERVER_CPU=0
CLIENT_CPU=1

die() { echo "flood_bench: $*" >&2; exit 1; }
[ -x "$ZWGK" ] || die "$ZWGK not found: build first (make build)"
for tool in wrk taskset curl python3 nginx; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh"
done
[ "$(nproc)" -ge 2 ] || { echo "flood_bench: only $(nproc) CPU: server and wrk share it" >&2; CLIENT_CPU=0; }

TMP=$(mktemp -d /tmp/zwgk-flood.XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "flood_bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_zwgk() {  # LOG [env...] -> ZWGK_PID, ZWGK_URL
  local log=$1; shift
  env "$@" taskset -c "$SERVER_CPU" "$ZWGK" serve --database "$DB" --listen 127.0.0.1:0 --threads 1 \
    --no-access-log >"$log" 2>&1 &
  ZWGK_PID=$!
  PIDS+=("$ZWGK_PID")
  ZWGK_URL=""
  for _ in $(seq 200); do
    ZWGK_URL=$(grep -o 'serving on http://[0-9.:]*' "$log" | head -1 | sed 's/serving on //') || true
    [ -n "$ZWGK_URL" ] && break
    kill -0 "$ZWGK_PID" 2>/dev/null || { cat "$log" >&2; die "zwgk serve exited"; }
    sleep 0.1
  done
  [ -n "$ZWGK_URL" ] || die "zwgk serve did not start (see $log)"
}
stop_zwgk() {
  kill -TERM "$ZWGK_PID" 2>/dev/null || true
  wait "$ZWGK_PID" 2>/dev/null || true
}

DB="sqlite:$TMP/flood.db"
echo "flood_bench: loading the demo into $DB"
"$ZWGK" migrate --database "$DB" >/dev/null
"$ZWGK" demo --database "$DB" >"$TMP/demo.log" || { cat "$TMP/demo.log" >&2; die "zwgk demo failed"; }

# probe_wrk URL -> "req/s p50 p99 errors" (errors: non-2xx/3xx + socket errors + timeouts)
probe_wrk() {
  taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d"${DURATION}s" --timeout 10s --latency -H 'Accept-Encoding: gzip' "$1" |
    python3 -c '
import re, sys
t = sys.stdin.read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v); n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n if u == "ms" else n * 1000 if u == "s" else n * 60000
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
err = 0
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if m: err += int(m.group(1))
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
if m: err += sum(int(x) for x in m.groups())
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {err}")
'
}

# flood_start URL DISTINCT: wrk in the background, its report in $TMP/flood.out
flood_start() {
  FLOOD_DISTINCT=$2 taskset -c "$CLIENT_CPU" wrk -t1 -c"$FLOOD_C" -d"$((DURATION + 2))s" --timeout 10s \
    -s "$ROOT_DIR/bench/flood.lua" "$1/search/" >"$TMP/flood.out" 2>&1 &
  FLOOD_PID=$!
  sleep 1  # the flood is on before the probe starts
}
flood_result() {  # after wait "$FLOOD_PID" (a subshell cannot wait for it)
  local rps statuses
  rps=$(grep -o 'Requests/sec: *[0-9.]*' "$TMP/flood.out" | grep -o '[0-9.]*$' || echo 0)
  statuses=$(grep '^statuses' "$TMP/flood.out" | sed 's/^statuses //' || true)
  echo "${rps%.*}|${statuses:-none}"
}

declare -A PROBE FLOOD
scenario() {  # label distinct|same|static|none
  local label=$1 kind=$2
  echo "flood_bench: $label ..."
  if [ "$kind" = static ]; then
    FLOOD_STATIC=1 taskset -c "$CLIENT_CPU" wrk -t1 -c"$FLOOD_C" -d"$((DURATION + 2))s" --timeout 10s \
      -s "$ROOT_DIR/bench/flood.lua" "$FLOOD_URL" >"$TMP/flood.out" 2>&1 &
    FLOOD_PID=$!
    sleep 1
  elif [ "$kind" != none ]; then flood_start "$ZWGK_URL" "$([ "$kind" = distinct ] && echo 1 || echo 0)"; fi
  PROBE[$label]=$(probe_wrk "$PAGE_URL")
  if [ "$kind" != none ]; then wait "$FLOOD_PID" || true; FLOOD[$label]=$(flood_result); else FLOOD[$label]="-|-"; fi
  sleep 1
}

start_zwgk "$TMP/zwgk.log"
SEED_PATH=$(curl -fsS "$ZWGK_URL/xxgk/ghjh/" | grep -o 'href="[^"]*content/[0-9]*\.html"[^>]*>2017年邵阳市政务公开工作要点' \
  | head -1 | sed 's/^href="\([^"]*\)".*/\1/') || true
[ -n "$SEED_PATH" ] || die "could not find the seed document"
PAGE_URL="$ZWGK_URL$SEED_PATH"
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$PAGE_URL" >/dev/null  # warm
echo "flood_bench: probe $SEED_PATH (cached), ${DURATION}s runs, flood $FLOOD_C connections"
scenario "idle" none
scenario "same query" same
scenario "distinct queries" distinct
stop_zwgk
start_zwgk "$TMP/zwgk-norl.log" ZWGK_RATE_LIMIT_PER_MINUTE=0
PAGE_URL="$ZWGK_URL$SEED_PATH"
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$PAGE_URL" >/dev/null
scenario "idle, no rate limit" none
scenario "distinct, no rate limit" distinct

# ---------------------------------------------------------------- nginx, the reference
WWW="$TMP/www"
mkdir -p "$WWW"
curl -fsS -H 'Accept-Encoding: gzip' -o "$WWW/doc.html.gz" "$PAGE_URL"
curl -fsS -o "$WWW/doc.html" "$PAGE_URL"
cp "$WWW/doc.html" "$WWW/flood.html"; cp "$WWW/doc.html.gz" "$WWW/flood.html.gz"
stop_zwgk
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
NGINX_USER=""; [ "$(id -u)" = 0 ] && NGINX_USER="user root;"
cat >"$TMP/nginx.conf" <<NGX
$NGINX_USER
worker_processes 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off; sendfile on; tcp_nodelay on; keepalive_requests 1000000; server_tokens off;
  client_body_temp_path $TMP/nb; proxy_temp_path $TMP/np; fastcgi_temp_path $TMP/nf;
  uwsgi_temp_path $TMP/nu; scgi_temp_path $TMP/ns;
  types { text/html html; } gzip off; gzip_static on;
  server { listen 127.0.0.1:$NGINX_PORT; root $WWW; }
}
NGX
taskset -c "$SERVER_CPU" nginx -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
PAGE_URL="http://127.0.0.1:$NGINX_PORT/doc.html"
FLOOD_URL="http://127.0.0.1:$NGINX_PORT/flood.html"
for _ in $(seq 100); do curl -fsS -o /dev/null "$PAGE_URL" 2>/dev/null && break; sleep 0.1; done
scenario "nginx idle" none
scenario "nginx, static flood" static
kill -TERM "$NGINX_PID" 2>/dev/null || true

PAIRS=()
for k in "${!PROBE[@]}"; do PAIRS+=("$k=${PROBE[$k]}=${FLOOD[$k]}"); done
python3 - "${PAIRS[@]}" <<'PY'
import sys
rows = {}
for pair in sys.argv[1:]:
    label, probe, flood = pair.split("=", 2)
    rows[label] = (probe.split(), flood.split("|"))
order = ["idle", "same query", "distinct queries", "idle, no rate limit", "distinct, no rate limit",
         "nginx idle", "nginx, static flood"]
print()
print(f"{'scenario':<26} {'probe req/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'p99 / idle':>10} {'errors':>6}   {'flood req/s':>11}  flood answers")
for label in order:
    if label not in rows: continue
    (rps, p50, p99, err), (frps, statuses) = rows[label]
    base = "nginx idle" if label.startswith("nginx") else "idle, no rate limit" if "no rate limit" in label else "idle"
    idle = rows[base][0][2]
    ratio = float(p99) / float(idle) if float(idle) > 0 else 0
    print(f"{label:<26} {float(rps):>11.0f} {float(p50):>8.2f} {float(p99):>8.2f} {ratio:>10.2f} {int(err):>6}   {frps:>11}  {statuses}")
print()
print("p99 / idle: the cached page's p99 under the flood over its p99 alone (goal <= 2); errors: on the probe (goal 0)")
print("nginx rows: the same measurement of nginx serving the same bytes, the reference for what a flood of cheap answers costs on one core")
PY
