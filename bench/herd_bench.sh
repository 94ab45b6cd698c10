#!/usr/bin/env bash
# A thundering herd on the homepage (issue 18; bench/README.md, "Herd").
#
#   bench/herd_bench.sh BUILD_DIR          full run (~4 min)
#   BENCH_QUICK=1 bench/herd_bench.sh B    5 s runs, 1 repetition: checks it works
#
# zwgk serve (one I/O thread, CPU 0, default workers and page cache) with the demo content;
# wrk (CPU 1) keeps 256 connections on the homepage while another process publishes a
# document every second: `zwgk import` of a one-line JSONL file (a new 通知公告 document,
# published on import), which commits, writes a change_events row, and the serving process
# (polling change_events every half second) drops every cached page tagged with what
# changed, the homepage among them. With single-flight, one request renders the new
# homepage while the others get the previous version (zwgk_page_cache_stale_total) or wait.
# Renders are counted from zwgk_page_cache_misses_total (only the homepage is requested, so
# every miss is a homepage render). Rows, interleaved per repetition:
#   zwgk, idle        no publishes
#   zwgk, publishing  a publish every second
#   nginx             the reference: nginx (one worker, CPU 0) serving a static copy of the
#                     homepage (same gzip bytes), with the same publisher running beside it
#                     (same CPU taken from wrk's core; its publishes reach nobody)
# The publisher runs on CPU 1 with wrk, so CPU 0 does only the server's work.
# Environment: BENCH_DURATION (20; quick 5), BENCH_REPS (3; quick 1), BENCH_CONNECTIONS
# (256), BENCH_PUBLISH_INTERVAL (1 s), BENCH_KEEP=1.
set -euo pipefail

BUILD=${1:-build}
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
case "$BUILD" in /*) ;; *) BUILD="$ROOT_DIR/$BUILD" ;; esac
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  DURATION=${BENCH_DURATION:-5}; REPS=${BENCH_REPS:-1}
else
  DURATION=${BENCH_DURATION:-20}; REPS=${BENCH_REPS:-3}
fi
CONNS=${BENCH_CONNECTIONS:-256}
INTERVAL=${BENCH_PUBLISH_INTERVAL:-1}
SERVER_CPU=0
CLIENT_CPU=1

die() { echo "herd_bench: $*" >&2; exit 1; }
[ -x "$BUILD/zwgk" ] || die "$BUILD/zwgk not found: build first (make build)"
for tool in wrk nginx taskset curl python3; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh"
done
[ "$(nproc)" -ge 2 ] || { echo "herd_bench: only $(nproc) CPU: server and wrk share it" >&2; CLIENT_CPU=0; }

TMP=$(mktemp -d /tmp/zwgk-herd.XXXXXX)
chmod 755 "$TMP"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "herd_bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$BUILD/zwgk" "$TMP/zwgk"   # the build is replaced now and then: run a copy
ZWGK="$TMP/zwgk"
cd "$TMP"                      # zwgk keeps var/secret.key under the working directory

forget_pid() {
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]+"${keep[@]}"}")
}
stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

DB="sqlite:$TMP/herd.db"
echo "herd_bench: $(uptime | sed 's/^ *//')"
echo "herd_bench: loading the demo into $DB"
"$ZWGK" migrate --database "$DB" >/dev/null
"$ZWGK" demo --database "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; die "zwgk demo failed"; }

taskset -c "$SERVER_CPU" "$ZWGK" serve --database "$DB" --listen 127.0.0.1:0 --threads 1 --no-access-log \
  >"$TMP/zwgk.log" 2>&1 &
ZWGK_PID=$!
PIDS+=("$ZWGK_PID")
ZWGK_URL=""
for _ in $(seq 200); do
  ZWGK_URL=$(grep -o 'serving on http://[0-9.:]*' "$TMP/zwgk.log" | head -1 | sed 's/serving on //') || true
  [ -n "$ZWGK_URL" ] && break
  kill -0 "$ZWGK_PID" 2>/dev/null || { cat "$TMP/zwgk.log" >&2; die "zwgk serve exited"; }
  sleep 0.1
done
[ -n "$ZWGK_URL" ] || die "zwgk serve did not start"

metrics() {  # -> "hits misses stale"
  curl -fsS "$ZWGK_URL/metrics" | awk '
    $1 == "zwgk_page_cache_hits_total" {h = $2}
    $1 == "zwgk_page_cache_misses_total" {m = $2}
    $1 == "zwgk_page_cache_stale_total" {s = $2}
    END {print h, m, s}'
}

# ---------------------------------------------------------------- the publisher
TODAY=$(date +%F)
# publisher TAG: publishes a new document every INTERVAL s until $TMP/stop-publishing exists;
# one line per publish in $TMP/publish-TAG.log: "n seconds exit-status"
publisher() {
  local tag=$1 n=0 start end file
  while [ ! -e "$TMP/stop-publishing" ]; do
    n=$((n + 1))
    file="$TMP/publish-$tag-$n.jsonl"
    python3 -c '
import json, sys
tag, n, today = sys.argv[1:]
print(json.dumps({"external_id": f"herd-{tag}-{n}", "site": "shaoyang", "catalogue": "tzgg",
                  "department": "邵阳市人民政府办公室", "issuer": "邵阳市人民政府办公室",
                  "title": f"关于突发事件应对工作的第{tag}-{n}号通告", "written_on": today, "published_on": today,
                  "disclosure": "主动公开", "body_text": f"第{tag}-{n}号通告正文：请广大市民注意防范。"},
                 ensure_ascii=False))' "$tag" "$n" "$TODAY" >"$file"
    start=$(date +%s.%N)
    rc=0
    "$ZWGK" import --database "$DB" --no-progress "$file" >>"$TMP/publish-$tag.out" 2>&1 || rc=$?
    end=$(date +%s.%N)
    echo "$n $(python3 -c "print(f'{$end - $start:.3f}')") $rc" >>"$TMP/publish-$tag.log"
    python3 -c "import time; time.sleep(max(0.0, $INTERVAL - ($end - $start) - 0.03))"
  done
}
start_publisher() {  # TAG -> PUBLISHER_PID
  rm -f "$TMP/stop-publishing"
  : >"$TMP/publish-$1.log"
  taskset -c "$CLIENT_CPU" bash -c "$(declare -f publisher); TMP='$TMP' ZWGK='$ZWGK' DB='$DB' TODAY='$TODAY' INTERVAL='$INTERVAL' publisher '$1'" &
  PUBLISHER_PID=$!
  PIDS+=("$PUBLISHER_PID")
}
stop_publisher() {
  touch "$TMP/stop-publishing"
  wait "$PUBLISHER_PID" 2>/dev/null || true
  forget_pid "$PUBLISHER_PID"
}

# ---------------------------------------------------------------- nginx: a static copy of /
WWW="$TMP/www"
mkdir -p "$WWW"
curl -fsS -o "$WWW/index.html" "$ZWGK_URL/"
curl -fsS -H 'Accept-Encoding: gzip' -D "$TMP/gzip.headers" -o "$WWW/index.html.gz" "$ZWGK_URL/"
grep -qi '^content-encoding: *gzip' "$TMP/gzip.headers" || die "zwgk did not answer / with gzip"
ADD_HEADERS=$(tr -d '\r' <"$TMP/gzip.headers" | python3 -c '
import sys
skip = {"date", "content-length", "content-type", "connection", "etag", "last-modified",
        "content-encoding", "vary", "server", "keep-alive", "transfer-encoding", "accept-ranges"}
for line in sys.stdin:
    if ":" not in line or line.startswith("HTTP/"):
        continue
    name, value = line.split(":", 1)
    if name.strip().lower() in skip:
        continue
    value = value.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "")
    print(f"    add_header {name.strip()} \"{value}\" always;")
')
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
NGINX_USER=""; [ "$(id -u)" = 0 ] && NGINX_USER="user root;"
cat >"$TMP/nginx.conf" <<EOF
$NGINX_USER
worker_processes 1;
worker_cpu_affinity 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  server_tokens off;
  client_body_temp_path $TMP/nginx-body;
  proxy_temp_path $TMP/nginx-proxy;
  fastcgi_temp_path $TMP/nginx-fastcgi;
  uwsgi_temp_path $TMP/nginx-uwsgi;
  scgi_temp_path $TMP/nginx-scgi;
  types { text/html html; }
  default_type application/octet-stream;
  charset utf-8;
  gzip off;
  gzip_static on;
  gzip_vary on;
  etag on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    index index.html;
$ADD_HEADERS
  }
}
EOF
nginx -t -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx-test.log" 2>&1 || { cat "$TMP/nginx-test.log" >&2; die "nginx config"; }
taskset -c "$SERVER_CPU" nginx -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
NGINX_URL="http://127.0.0.1:$NGINX_PORT/"
for _ in $(seq 100); do curl -fsS -o /dev/null "$NGINX_URL" 2>/dev/null && break; sleep 0.1; done
curl -fsS -H 'Accept-Encoding: gzip' -o "$TMP/nginx.body" "$NGINX_URL" || die "nginx did not answer"
cmp -s "$TMP/nginx.body" "$WWW/index.html.gz" || die "nginx does not serve the same gzip bytes"
HOME_BYTES=$(stat -c %s "$WWW/index.html"); HOME_GZ=$(stat -c %s "$WWW/index.html.gz")

# ---------------------------------------------------------------- runs
# run_wrk URL -> "req/s p50 p99 max non2xx connect read write timeout" (ms)
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency \
    -H 'Accept-Encoding: gzip' "$1" >"$TMP/wrk.out" 2>&1 || { cat "$TMP/wrk.out" >&2; die "wrk failed"; }
  cat "$TMP/wrk.out" >>"$TMP/wrk-all.out"
  python3 -c '
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v); n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n if u == "ms" else n * 1000 if u == "s" else n * 60000
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
mx = ms(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", t, re.M).group(1))
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
non2xx = int(m.group(1)) if m else 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
sock = m.groups() if m else ("0", "0", "0", "0")
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {mx:.3f} {non2xx} " + " ".join(sock))
' "$TMP/wrk.out"
}

echo "herd_bench: homepage $HOME_BYTES bytes identity, $HOME_GZ bytes gzip; server on CPU $SERVER_CPU," \
  "wrk and the publisher on CPU $CLIENT_CPU; $CONNS connections, ${DURATION}s runs, $REPS repetition(s)"
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$ZWGK_URL/" >/dev/null
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$NGINX_URL" >/dev/null
: >"$TMP/rows"
for i in $(seq "$REPS"); do
  echo "herd_bench: repetition $i/$REPS: zwgk idle ..."
  # the previous nginx row's publishes invalidated zwgk's homepage too: render it again first
  sleep 1; curl -fsS -o /dev/null "$ZWGK_URL/"; curl -fsS -o /dev/null -H 'Accept-Encoding: gzip' "$ZWGK_URL/"
  m0=$(metrics); r=$(run_wrk "$ZWGK_URL/"); m1=$(metrics)
  echo "idle $r $m0 $m1 0 0" >>"$TMP/rows"

  echo "herd_bench: repetition $i/$REPS: zwgk publishing ..."
  m0=$(metrics)
  start_publisher "z$i"
  r=$(run_wrk "$ZWGK_URL/")
  m1=$(metrics)
  stop_publisher
  published=$(awk '$3 == 0' "$TMP/publish-z$i.log" | wc -l)
  failed=$(awk '$3 != 0' "$TMP/publish-z$i.log" | wc -l)
  echo "publishing $r $m0 $m1 $published $failed" >>"$TMP/rows"
  sleep 1
  # the last publish is on the homepage (it reached the serving process)
  last=$(tail -1 "$TMP/publish-z$i.log" | cut -d' ' -f1)
  curl -fsS "$ZWGK_URL/" | grep -q "第z$i-$last号通告" \
    || echo "herd_bench: the homepage does not show the last publish (z$i-$last) a second later" >&2

  echo "herd_bench: repetition $i/$REPS: nginx (publisher running) ..."
  start_publisher "n$i"
  r=$(run_wrk "$NGINX_URL")
  stop_publisher
  published=$(awk '$3 == 0' "$TMP/publish-n$i.log" | wc -l)
  failed=$(awk '$3 != 0' "$TMP/publish-n$i.log" | wc -l)
  echo "nginx $r 0 0 0 0 0 0 $published $failed" >>"$TMP/rows"
done
RSS=$(awk '/^VmRSS:/ {print $2}' "/proc/$ZWGK_PID/status")
ZWGK_ERRORS=$(grep -c '\[error\]' "$TMP/zwgk.log" || true)
[ "${ZWGK_ERRORS:-0}" = 0 ] || { echo "herd_bench: zwgk logged $ZWGK_ERRORS errors, e.g.:" >&2; grep -m3 '\[error\]' "$TMP/zwgk.log" >&2; }
cat "$TMP"/publish-*.log | awk '{print $2}' >"$TMP/publish-seconds"
grep -h . "$TMP"/publish-*.out | grep -v '新增 1, 更新 0, 未变 0, 错误 0' | head -3 | sed 's/^/herd_bench: publisher said: /' >&2 || true
stop_pid "$NGINX_PID"
stop_pid "$ZWGK_PID"

# ---------------------------------------------------------------- report
python3 - "$TMP/rows" "$TMP/publish-seconds" "$CONNS" "$RSS" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[0], []).append([float(x) for x in f[1:]])
secs = [float(x) for x in open(sys.argv[2]) if x.strip()]
conns, rss = int(sys.argv[3]), int(sys.argv[4])
med = statistics.median
nginx_p99 = med(r[2] for r in rows["nginx"])
print()
print(f"{'scenario':<18} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'p99/nginx':>9} "
      f"{'errors':>6} {'non-2xx':>7} {'publishes':>9} {'renders':>7} {'per pub':>7} {'stale':>7}")
for name, label in (("idle", "zwgk, idle"), ("publishing", "zwgk, publishing"), ("nginx", "nginx, static")):
    rs = rows[name]
    rps, p50, p99 = med(r[0] for r in rs), med(r[1] for r in rs), med(r[2] for r in rs)
    mx = max(r[3] for r in rs)
    non2xx = sum(r[4] for r in rs)
    errors = sum(sum(r[5:9]) for r in rs)
    pubs = sum(r[15] for r in rs)
    if name == "nginx":
        renders = stale = per = "-"
    else:
        renders_n = sum(r[13] - r[10] for r in rs)
        stale = f"{sum(r[14] - r[11] for r in rs):,.0f}"
        renders = f"{renders_n:.0f}"
        per = f"{renders_n / pubs:.2f}" if pubs else "-"
    print(f"{label:<18} {conns:>5} {rps:>8.0f} {p50:>7.2f} {p99:>7.2f} {mx:>7.1f} {p99 / nginx_p99:>9.2f} "
          f"{errors:>6.0f} {non2xx:>7.0f} {pubs:>9.0f} {renders:>7} {per:>7} {stale:>7}")
print()
print("req/s, p50, p99: medians over the repetitions; max, errors (wrk socket errors and timeouts), non-2xx,")
print("publishes, renders (zwgk_page_cache_misses_total: only / is requested) and stale answers")
print("(zwgk_page_cache_stale_total): worst / sums. per pub = homepage renders per publish.")
failed = sum(r[16] for rs in rows.values() for r in rs)
if secs:
    print(f"a publish (zwgk import of one document, a process of its own) took {med(secs):.2f} s median, "
          f"{max(secs):.2f} s at most; {failed:.0f} failed")
print(f"zwgk resident memory after the runs: {rss / 1024:.1f} MB")
EOF
