#!/usr/bin/env bash
# zwgk against nginx serving the same bytes, same machine, same run (bench/README.md).
#
#   bench/page_bench.sh BUILD_DIR          full run (~4 min + the 100,000-document import)
#   BENCH_QUICK=1 bench/page_bench.sh B    3 s runs, 1 repetition, 2,000 documents: checks it works
#
# Environment: BENCH_DURATION (s), BENCH_REPS, BENCH_CONNECTIONS ("64 256"),
# BENCH_DOCS (documents for the memory figure), BENCH_KEEP=1 keeps the temp directory.
set -euo pipefail

BUILD=${1:-build}
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
case "$BUILD" in /*) ;; *) BUILD="$ROOT_DIR/$BUILD" ;; esac
ZWGK="$BUILD/zwgk"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  DURATION=${BENCH_DURATION:-3}; REPS=${BENCH_REPS:-1}; DOCS=${BENCH_DOCS:-2000}
else
  DURATION=${BENCH_DURATION:-10}; REPS=${BENCH_REPS:-3}; DOCS=${BENCH_DOCS:-100000}
fi
CONNECTIONS=${BENCH_CONNECTIONS:-"64 256"}
SERVER_CPU=0
CLIENT_CPU=1

die() { echo "page_bench: $*" >&2; exit 1; }
[ -x "$ZWGK" ] || die "$ZWGK not found: build first (make build)"
for tool in wrk nginx taskset curl python3; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh"
done
if [ "$(nproc)" -lt 2 ]; then
  echo "page_bench: only $(nproc) CPU: server and wrk share it; read the ratios with care" >&2
  CLIENT_CPU=0
fi

TMP=$(mktemp -d /tmp/zwgk-bench.XXXXXX)
chmod 755 "$TMP"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "page_bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {  # removes $1 from PIDS after we stopped it ourselves
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]+"${keep[@]}"}")
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_zwgk DB LOG [extra serve flags...] -> sets ZWGK_PID and ZWGK_URL
start_zwgk() {
  local db=$1 log=$2; shift 2
  taskset -c "$SERVER_CPU" "$ZWGK" serve --database "$db" --listen 127.0.0.1:0 --threads 1 \
    --no-access-log "$@" >"$log" 2>&1 &
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

stop_pid() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

# ---------------------------------------------------------------- data and zwgk
DB="sqlite:$TMP/bench.db"
echo "page_bench: loading the demo into $DB"
"$ZWGK" migrate --database "$DB" >/dev/null
"$ZWGK" demo --database "$DB" >"$TMP/demo.log" || { cat "$TMP/demo.log" >&2; die "zwgk demo failed"; }

start_zwgk "$DB" "$TMP/zwgk.log"
SEED_PATH=$(curl -fsS "$ZWGK_URL/xxgk/ghjh/" | grep -o 'href="[^"]*content/[0-9]*\.html"[^>]*>2017年邵阳市政务公开工作要点' \
  | head -1 | sed 's/^href="\([^"]*\)".*/\1/') || true
[ -n "$SEED_PATH" ] || die "could not find the seed document on $ZWGK_URL/xxgk/ghjh/"
PAGE_URL="$ZWGK_URL$SEED_PATH"

# ---------------------------------------------------------------- the same bytes for nginx
WWW="$TMP/www"
mkdir -p "$WWW"
curl -fsS -D "$TMP/identity.headers" -o "$WWW/doc.html" "$PAGE_URL"
curl -fsS -H 'Accept-Encoding: gzip' -D "$TMP/gzip.headers" -o "$WWW/doc.html.gz" "$PAGE_URL"
grep -qi '^content-encoding: *gzip' "$TMP/gzip.headers" || die "zwgk did not answer with gzip"
curl -fsS -H 'Accept-Encoding: br' -D "$TMP/br.headers" -o "$TMP/doc.html.br" "$PAGE_URL"
grep -qi '^content-encoding: *br' "$TMP/br.headers" || die "zwgk did not answer with br"
BR_BYTES=$(stat -c %s "$TMP/doc.html.br")
touch -r "$WWW/doc.html" "$WWW/doc.html.gz"
IDENTITY_BYTES=$(stat -c %s "$WWW/doc.html")
GZIP_BYTES=$(stat -c %s "$WWW/doc.html.gz")

# zwgk's own headers (security headers, Cache-Control) on nginx's answer too.
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
    print(f"      add_header {name.strip()} \"{value}\" always;")
')

NGINX_PORT=$(free_port)
NGINX_USER=""
[ "$(id -u)" = 0 ] && NGINX_USER="user root;"
cat >"$TMP/nginx.conf" <<EOF
# One worker pinned to core $SERVER_CPU, the document page from memory-mapped files.
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
    location = /doc.html {
$ADD_HEADERS
    }
  }
}
EOF
nginx -t -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx-test.log" 2>&1 || { cat "$TMP/nginx-test.log" >&2; die "nginx config"; }
taskset -c "$SERVER_CPU" nginx -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
NGINX_URL="http://127.0.0.1:$NGINX_PORT/doc.html"
for _ in $(seq 100); do curl -fsS -o /dev/null "$NGINX_URL" 2>/dev/null && break; sleep 0.1; done
curl -fsS -H 'Accept-Encoding: gzip' -D "$TMP/nginx.headers" -o "$TMP/nginx.body" "$NGINX_URL" || die "nginx did not answer"
cmp -s "$TMP/nginx.body" "$WWW/doc.html.gz" || die "nginx does not serve the same gzip bytes"

# ---------------------------------------------------------------- wrk
# run_wrk URL CONNECTIONS [ACCEPT_ENCODING] -> "req/s p50_ms p99_ms"
run_wrk() {
  local out
  out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$2" -d"${DURATION}s" --latency -H "Accept-Encoding: ${3-gzip}" "$1")
  printf '%s\n' "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v)
    n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n if u == "ms" else n * 1000 if u == "s" else n * 60000
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", text)
if errors:
    print("page_bench: wrk reported: " + errors.group(0), file=sys.stderr)
print(f"{rps:.0f} {p50:.3f} {p99:.3f}")
'
}

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

declare -A RESULT
measure() {  # label url connections -> RESULT[label/c]="rps p50 p99" (medians)
  local label=$1 url=$2 c=$3 i rps=() p50=() p99=() r
  for i in $(seq "$REPS"); do
    r=$(run_wrk "$url" "$c")
    set -- $r
    rps+=("$1"); p50+=("$2"); p99+=("$3")
  done
  RESULT["$label/$c"]="$(median "${rps[@]}") $(median "${p50[@]}") $(median "${p99[@]}")"
}
interleaved() {  # c encoding: zwgk and nginx alternately, REPS each, medians
  local c=$1 enc=$2 i zr=() zp50=() zp99=() nr=() np50=() np99=() r ae=gzip
  [ "$enc" = identity ] && ae=identity
  for i in $(seq "$REPS"); do
    r=$(run_wrk "$PAGE_URL" "$c" "$ae"); set -- $r; zr+=("$1"); zp50+=("$2"); zp99+=("$3")
    r=$(run_wrk "$NGINX_URL" "$c" "$ae"); set -- $r; nr+=("$1"); np50+=("$2"); np99+=("$3")
  done
  RESULT["zwgk/$enc/$c"]="$(median "${zr[@]}") $(median "${zp50[@]}") $(median "${zp99[@]}")"
  RESULT["nginx/$enc/$c"]="$(median "${nr[@]}") $(median "${np50[@]}") $(median "${np99[@]}")"
}

echo "page_bench: seed page $SEED_PATH: $IDENTITY_BYTES bytes identity, $GZIP_BYTES bytes gzip, $BR_BYTES bytes br"
echo "page_bench: server on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU, ${DURATION}s runs, $REPS repetition(s), medians"
# warm both (page cache filled, files in the OS cache)
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$PAGE_URL" >/dev/null
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$NGINX_URL" >/dev/null
for enc in gzip identity; do
  for c in $CONNECTIONS; do
    echo "page_bench: $enc, $c connections ..."
    interleaved "$c" "$enc"
  done
done
stop_pid "$NGINX_PID"

# uncached render: the same page rendered on every request
stop_pid "$ZWGK_PID"
start_zwgk "$DB" "$TMP/zwgk-nocache.log" --no-cache
PAGE_URL="$ZWGK_URL$SEED_PATH"
echo "page_bench: zwgk --no-cache, 64 connections ..."
measure "zwgk --no-cache/gzip" "$PAGE_URL" 64
stop_pid "$ZWGK_PID"

# ---------------------------------------------------------------- memory with many documents
MEMDB="sqlite:$TMP/mem.db"
echo "page_bench: generating and importing $DOCS documents for the memory figure ..."
"$ZWGK" migrate --database "$MEMDB" >/dev/null
"$ZWGK" demo --database "$MEMDB" --per-column 1 >/dev/null
python3 "$ROOT_DIR/bench/gen_documents.py" "$DOCS" >"$TMP/docs.jsonl"
IMPORT_START=$(date +%s)
"$ZWGK" import --database "$MEMDB" --no-progress "$TMP/docs.jsonl" >"$TMP/import.log" 2>"$TMP/import.err" \
  || { tail -5 "$TMP/import.err" >&2; die "import failed"; }
IMPORT_SECONDS=$(( $(date +%s) - IMPORT_START ))
grep -o '新增 [0-9]*, 更新 [0-9]*, 未变 [0-9]*, 错误 [0-9]*' "$TMP/import.log" | sed 's/^/page_bench: import: /'
start_zwgk "$MEMDB" "$TMP/zwgk-mem.log"
rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
RSS_START=$(rss "$ZWGK_PID")
for path in / /xxgk/ /xxgk/ghjh/ /xxgk/zcwj/ /xxgk/tzgg/ "$SEED_PATH" /content/100.html /content/1000.html \
            "/content/$(( DOCS / 2 )).html" /xxgk/ghjh/?page=2 /sitemap.xml /feed/zcwj.xml; do
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$ZWGK_URL$path" || true
  curl -s -o /dev/null "$ZWGK_URL$path" || true
done
RSS_WARM=$(rss "$ZWGK_PID")
stop_pid "$ZWGK_PID"

# ---------------------------------------------------------------- report
PAIRS=()
for key in "${!RESULT[@]}"; do PAIRS+=("$key=${RESULT[$key]}"); done
python3 - "$CONNECTIONS" "$IDENTITY_BYTES" "$GZIP_BYTES" "$DOCS" "$RSS_START" "$RSS_WARM" "$IMPORT_SECONDS" \
  "$BR_BYTES" "${PAIRS[@]}" <<'EOF'
import sys
conns = sys.argv[1].split()
identity, gz, docs, rss_start, rss_warm, import_s, br = sys.argv[2:9]
res = {}
for pair in sys.argv[9:]:
    key, value = pair.split("=", 1)
    res[key] = [float(x) for x in value.split()]
print()
print(f"seed document page: {int(identity):,} bytes identity, {int(gz):,} bytes gzip, {int(br):,} bytes br "
      f"(br = {int(br) / int(gz):.2f} of gzip; nginx here has no brotli, so wrk asks for gzip or identity)")
print()
print(f"{'server':<18} {'body':<8} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}   {'req/s ratio':>11} {'p99 ratio':>9}")
for enc in ("gzip", "identity"):
    for c in conns:
        n = res.get(f"nginx/{enc}/{c}")
        for name in ("zwgk", "nginx"):
            r = res.get(f"{name}/{enc}/{c}")
            if not r:
                continue
            ratio = ""
            if name == "zwgk" and n:
                ratio = f"{r[0] / n[0]:>11.2f} {r[2] / n[2]:>9.2f}"
            print(f"{name:<18} {enc:<8} {c:>5} {r[0]:>9.0f} {r[1]:>8.2f} {r[2]:>8.2f}   {ratio}")
r = res.get("zwgk --no-cache/gzip/64")
n = res.get("nginx/gzip/64")
if r:
    ratio = f"{r[0] / n[0]:>11.2f} {r[2] / n[2]:>9.2f}" if n else ""
    print(f"{'zwgk --no-cache':<18} {'gzip':<8} {64:>5} {r[0]:>9.0f} {r[1]:>8.2f} {r[2]:>8.2f}   {ratio}")
print()
print("ratios are zwgk / nginx: req/s above 1 and p99 below 1 favour zwgk; 0.9-1.1 is a tie on this machine kind")
print(f"zwgk resident memory with {int(docs):,} imported documents (+ demo): {int(rss_start)/1024:.1f} MB after start, "
      f"{int(rss_warm)/1024:.1f} MB after warming {12} pages (import took {import_s} s)")
EOF
