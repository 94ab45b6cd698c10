#!/usr/bin/env bash
# A traffic spike over many documents (issue 18; bench/README.md, "Spike").
#
#   bench/spike_bench.sh BUILD_DIR          full run (~8 min: 50,000 documents imported and fetched)
#   BENCH_QUICK=1 bench/spike_bench.sh B    2,000 documents, 3 s runs, 1 repetition: checks it works
#
# zwgk serve (one I/O thread, CPU 0) holds `zwgk demo --per-column 1` plus N imported
# documents (bench/gen_documents.py), its page cache under a byte budget smaller than the
# site (ZWGK_PAGE_CACHE_MB). wrk (CPU 1, 256 connections, bench/zipf.lua) requests a
# precomputed, seeded list of paths: document pages drawn from a Zipf distribution over all
# published documents (rank -> document shuffled, so the hot pages are spread over the
# columns), plus the homepage and a few listing pages. The reference is nginx (one worker,
# CPU 0) serving the same pages, identity and gzip, fetched once from zwgk into a root with
# the same paths (gzip_static on), with the same path list.
#
# Environment: BENCH_DOCS (50000; quick 2000), BENCH_CACHE_MB ("64 256": one zwgk row per
# budget, each started afresh), BENCH_ZIPF_S (1.0), BENCH_HOME_SHARE (0.05),
# BENCH_LISTING_SHARE (0.05), BENCH_CONNECTIONS (256), BENCH_DURATION (10; quick 3),
# BENCH_REPS (3; quick 1), BENCH_SEED (18), BENCH_KEEP=1 (keep the temporary directory),
# BENCH_REUSE=DIR (a directory kept by an earlier run: its database, pages and path list are
# used again, the import and the fetching skipped; the directory is left in place).
set -euo pipefail

BUILD=${1:-build}
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
case "$BUILD" in /*) ;; *) BUILD="$ROOT_DIR/$BUILD" ;; esac

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  DURATION=${BENCH_DURATION:-3}; REPS=${BENCH_REPS:-1}; DOCS=${BENCH_DOCS:-2000}
else
  DURATION=${BENCH_DURATION:-10}; REPS=${BENCH_REPS:-3}; DOCS=${BENCH_DOCS:-50000}
fi
CACHE_MBS=${BENCH_CACHE_MB:-"64 256"}
ZIPF_S=${BENCH_ZIPF_S:-1.0}
HOME_SHARE=${BENCH_HOME_SHARE:-0.05}
LISTING_SHARE=${BENCH_LISTING_SHARE:-0.05}
CONNS=${BENCH_CONNECTIONS:-256}
SEED=${BENCH_SEED:-18}
PATH_COUNT=1000000
SERVER_CPU=0
CLIENT_CPU=1

die() { echo "spike_bench: $*" >&2; exit 1; }
[ -x "$BUILD/zwgk" ] || die "$BUILD/zwgk not found: build first (make build)"
for tool in wrk nginx taskset curl python3; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh"
done
if [ "$(nproc)" -lt 2 ]; then
  echo "spike_bench: only $(nproc) CPU: server and wrk share it; read the ratios with care" >&2
  CLIENT_CPU=0
fi

REUSE=${BENCH_REUSE:-}
if [ -n "$REUSE" ]; then
  TMP=$(cd "$REUSE" && pwd)
  for f in spike.db fetched paths doc.headers www; do [ -e "$TMP/$f" ] || die "BENCH_REUSE: $TMP/$f is missing"; done
else
  TMP=$(mktemp -d /tmp/zwgk-spike.XXXXXX)
fi
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
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ -n "$REUSE" ]; then echo "spike_bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The binary is rebuilt now and then: run a copy. Run in $TMP (zwgk writes var/secret.key
# relative to the working directory).
cp "$BUILD/zwgk" "$TMP/zwgk"
ZWGK="$TMP/zwgk"
cd "$TMP"

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
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_zwgk LOG [env assignments...] -> ZWGK_PID, ZWGK_URL
start_zwgk() {
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

metric() {  # metric NAME -> value from zwgk's /metrics
  curl -fsS "$ZWGK_URL/metrics" | awk -v n="$1" '$1 == n {print $2}'
}
rss_kb() { awk "/^$2:/ {print \$2}" "/proc/$1/status"; }

# ---------------------------------------------------------------- data
DB="sqlite:$TMP/spike.db"
WWW="$TMP/www"
echo "spike_bench: $(uptime | sed 's/^ *//')"
if [ -n "$REUSE" ]; then
  echo "spike_bench: reusing $TMP: $(wc -l <"$TMP/doc-ids") published documents, $(wc -l <"$TMP/fetched") pages fetched"
else
echo "spike_bench: zwgk demo --per-column 1 + $DOCS generated documents into $DB ..."
"$ZWGK" migrate --database "$DB" >/dev/null
"$ZWGK" demo --database "$DB" --per-column 1 >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; die "zwgk demo failed"; }
python3 "$ROOT_DIR/bench/gen_documents.py" "$DOCS" >"$TMP/docs.jsonl" || die "gen_documents.py failed"
IMPORT_START=$(date +%s)
"$ZWGK" import --database "$DB" --no-progress "$TMP/docs.jsonl" >"$TMP/import.log" 2>"$TMP/import.err" \
  || { tail -5 "$TMP/import.err" >&2; die "import failed"; }
echo "spike_bench: import: $(grep -o '新增 [0-9]*, 更新 [0-9]*, 未变 [0-9]*, 错误 [0-9]*' "$TMP/import.log") in $(( $(date +%s) - IMPORT_START )) s"

python3 - "$TMP/spike.db" >"$TMP/doc-ids" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for (i,) in con.execute("SELECT id FROM documents WHERE state = 'published' ORDER BY id"):
    print(i)
EOF
echo "spike_bench: $(wc -l <"$TMP/doc-ids") published documents"

# ---------------------------------------------------------------- every page, once, for nginx
# A zwgk with a cache big enough for the site does the fetching (4 threads, not pinned);
# the measured zwgk starts afresh afterwards.
start_zwgk "$TMP/zwgk-fetch.log"
WWW="$TMP/www"
mkdir -p "$WWW"
{
  echo /
  for p in /xxgk/ /xxgk/ywdt/ /xxgk/tzgg/ /xxgk/zcwj/ /xxgk/zcjd/ /xxgk/ghjh/; do echo "L $p"; done
  sed 's|^\(.*\)$|/content/\1.html|' "$TMP/doc-ids"
} >"$TMP/candidates"
FETCH_START=$(date +%s)
python3 - "$ZWGK_URL" "$WWW" "$TMP/candidates" "$TMP/fetched" "$TMP/doc.headers" <<'EOF' || die "fetching the pages failed"
# Fetches each path identity and gzip over keep-alive connections; writes the files nginx
# serves (dir/ -> dir/index.html) and the list of paths that answered 200 ("L " = listing).
import http.client, os, sys, threading, urllib.parse
base, www, candidates, fetched, headers_out = sys.argv[1:]
u = urllib.parse.urlsplit(base)
paths = [line.rstrip("\n") for line in open(candidates)]
ok = [None] * len(paths)
failures = []
lock = threading.Lock()
def target(path):
    rel = path[2:] if path.startswith("L ") else path
    return rel, os.path.join(www, rel.lstrip("/") + ("index.html" if rel.endswith("/") else ""))
def work(k):
    con = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for n in range(k, len(paths), 4):
        rel, file = target(paths[n])
        os.makedirs(os.path.dirname(file), exist_ok=True)
        bodies = []
        for enc in ("identity", "gzip"):
            con.request("GET", rel, headers={"Accept-Encoding": enc})
            r = con.getresponse()
            body = r.read()
            if r.status != 200 or (enc == "gzip" and r.getheader("Content-Encoding") != "gzip"):
                with lock: failures.append(f"{rel} {enc} {r.status}")
                break
            bodies.append(body)
            if n == len(paths) - 1 and enc == "gzip":
                with open(headers_out, "w") as h:
                    h.write("".join(f"{k}: {v}\n" for k, v in r.getheaders()))
        else:
            open(file, "wb").write(bodies[0])
            open(file + ".gz", "wb").write(bodies[1])
            ok[n] = paths[n]
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
with open(fetched, "w") as f:
    for p in ok:
        if p: f.write(p + "\n")
if failures:
    print(f"spike_bench: {len(failures)} paths not fetched (left out of the mix), e.g. {failures[:3]}", file=sys.stderr)
EOF
FETCH_SECONDS=$(( $(date +%s) - FETCH_START ))
WWW_MB=$(du -sm "$WWW" | cut -f1)
echo "spike_bench: fetched $(wc -l <"$TMP/fetched") pages (identity + gzip, $WWW_MB MB on disk) in $FETCH_SECONDS s"
stop_pid "$ZWGK_PID"

# ---------------------------------------------------------------- the path list (same for both)
python3 - "$TMP/fetched" "$TMP/paths" "$ZIPF_S" "$HOME_SHARE" "$LISTING_SHARE" "$SEED" "$PATH_COUNT" <<'EOF'
import bisect, itertools, random, sys
fetched, out, s, home, listing, seed, count = sys.argv[1:]
s, home, listing, seed, count = float(s), float(home), float(listing), int(seed), int(count)
rng = random.Random(seed)
lines = [l.rstrip("\n") for l in open(fetched)]
docs = [l for l in lines if l.startswith("/content/")]
listings = [l[2:] for l in lines if l.startswith("L ")]
has_home = "/" in lines
rng.shuffle(docs)                          # rank -> document: the hot pages anywhere on the site
cum = list(itertools.accumulate(1.0 / (r ** s) for r in range(1, len(docs) + 1)))
total = cum[-1]
with open(out, "w") as f:
    for _ in range(count):
        x = rng.random()
        if has_home and x < home:
            f.write("/\n")
        elif listings and x < home + listing:
            f.write(listings[rng.randrange(len(listings))] + "\n")
        else:
            f.write(docs[min(bisect.bisect_left(cum, rng.random() * total), len(docs) - 1)] + "\n")
EOF
fi  # not REUSE
DISTINCT=$(sort -u "$TMP/paths" | wc -l)
LISTINGS=$(grep -c '^L ' "$TMP/fetched" || true)

# ---------------------------------------------------------------- nginx
ADD_HEADERS=$(tr -d '\r' <"$TMP/doc.headers" | python3 -c '
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
NGINX_PORT=$(free_port)
NGINX_USER=""
[ "$(id -u)" = 0 ] && NGINX_USER="user root;"
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
: >"$TMP/nginx-error.log"
taskset -c "$SERVER_CPU" nginx -c "$TMP/nginx.conf" -p "$TMP" >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 100); do curl -fsS -o /dev/null "$NGINX_URL/" 2>/dev/null && break; sleep 0.1; done
SAMPLE=$(sed -n 100p "$TMP/paths")
curl -fsS -H 'Accept-Encoding: gzip' -o "$TMP/nginx.sample" "$NGINX_URL$SAMPLE" || die "nginx did not answer $SAMPLE"
cmp -s "$TMP/nginx.sample" "$WWW${SAMPLE}.gz" || die "nginx does not serve the fetched gzip bytes of $SAMPLE"
curl -fsS -H 'Accept-Encoding: gzip' -o "$TMP/nginx.home" "$NGINX_URL/" || die "nginx did not answer /"
cmp -s "$TMP/nginx.home" "$WWW/index.html.gz" || die "nginx does not serve the fetched gzip homepage"

# ---------------------------------------------------------------- wrk
# run_wrk BASE_URL OFFSET -> "req/s p50_ms p99_ms non2xx socket_errors"
run_wrk() {
  ZIPF_PATHS="$TMP/paths" ZIPF_OFFSET="$2" taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNS" -d"${DURATION}s" \
    --timeout 10s --latency -s "$ROOT_DIR/bench/zipf.lua" -H 'Accept-Encoding: gzip' "$1/" >"$TMP/wrk.out" 2>&1 \
    || { cat "$TMP/wrk.out" >&2; die "wrk failed"; }
  cat "$TMP/wrk.out" >>"$TMP/wrk-all.out"
  # wrk closes its connections, but zwgk still renders what they had asked for (queued on the
  # workers): let that drain, so it does not count against the next run (503s when the queue
  # holds the closed connections' requests and 256 new ones).
  sleep 3
  python3 -c '
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v); n, u = float(m.group(1)), m.group(2)
    return n / 1000 if u == "us" else n if u == "ms" else n * 1000 if u == "s" else n * 60000
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
non2xx = int(m.group(1)) if m else 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
sock = sum(int(x) for x in m.groups()) if m else 0
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {non2xx} {sock}")
' "$TMP/wrk.out"
}
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

echo "spike_bench: $DISTINCT distinct paths in the $PATH_COUNT-path list (Zipf s=$ZIPF_S over the documents," \
  "${HOME_SHARE} homepage, ${LISTING_SHARE} over $LISTINGS listings); page cache budgets (ZWGK_PAGE_CACHE_MB): $CACHE_MBS"
echo "spike_bench: server on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU, $CONNS connections, ${DURATION}s runs," \
  "$REPS repetition(s) interleaved with nginx, medians"
taskset -c "$CLIENT_CPU" wrk -t1 -c8 -d1s -H 'Accept-Encoding: gzip' "$NGINX_URL/" >/dev/null
: >"$TMP/rows"
for mb in $CACHE_MBS; do
  start_zwgk "$TMP/zwgk-$mb.log" ZWGK_PAGE_CACHE_MB="$mb"
  RSS_START="$(rss_kb "$ZWGK_PID" VmRSS) $(rss_kb "$ZWGK_PID" RssAnon)"
  # The first run after start is the spike on a cold cache (its own row, not in the medians).
  echo "spike_bench: zwgk, $mb MB, cold ..."
  echo "cold $mb $(run_wrk "$ZWGK_URL" 0)" >>"$TMP/rows"
  curl -fsS "$ZWGK_URL/metrics" >"$TMP/metrics-$mb-0.txt"
  m0="$(metric zwgk_page_cache_hits_total) $(metric zwgk_page_cache_misses_total) $(metric zwgk_page_cache_stale_total)"
  for i in $(seq "$REPS"); do
    offset=$(( i * 200003 ))
    echo "spike_bench: zwgk, $mb MB, and nginx: repetition $i/$REPS ..."
    echo "zwgk $mb $(run_wrk "$ZWGK_URL" "$offset")" >>"$TMP/rows"
    echo "nginx $mb $(run_wrk "$NGINX_URL" "$offset")" >>"$TMP/rows"
  done
  curl -fsS "$ZWGK_URL/metrics" >"$TMP/metrics-$mb-1.txt"
  m1="$(metric zwgk_page_cache_hits_total) $(metric zwgk_page_cache_misses_total) $(metric zwgk_page_cache_stale_total)"
  cache="$(metric zwgk_page_cache_entries) $(metric zwgk_page_cache_bytes)"
  mem="$(rss_kb "$ZWGK_PID" VmRSS) $(rss_kb "$ZWGK_PID" RssAnon) $(rss_kb "$ZWGK_PID" RssFile) $(rss_kb "$ZWGK_PID" VmHWM)"
  echo "stats $mb $m0 $m1 $cache $RSS_START $mem" >>"$TMP/rows"
  errors=$(grep -c '\[error\]' "$TMP/zwgk-$mb.log" || true)
  [ "${errors:-0}" = 0 ] || { echo "spike_bench: zwgk ($mb MB) logged $errors errors, e.g.:" >&2; grep -m3 '\[error\]' "$TMP/zwgk-$mb.log" >&2; }
  stop_pid "$ZWGK_PID"
done
NGINX_RSS=0
for pid in $(cat "$TMP/nginx.pid") $(pgrep -P "$(cat "$TMP/nginx.pid")" || true); do
  NGINX_RSS=$(( NGINX_RSS + $(rss_kb "$pid" VmRSS) ))
done
NGINX_ERRORS=$(grep -c '\[crit\]\|\[error\]\|\[alert\]' "$TMP/nginx-error.log" || true)
[ "${NGINX_ERRORS:-0}" = 0 ] || { echo "spike_bench: nginx logged $NGINX_ERRORS errors, e.g.:" >&2; head -3 "$TMP/nginx-error.log" >&2; }
stop_pid "$NGINX_PID"

# ---------------------------------------------------------------- report
python3 - "$TMP/rows" "$CONNS" "$NGINX_RSS" "$(wc -l <"$TMP/doc-ids")" "$TMP" <<'EOF'
import re, statistics, sys
rows, stats = {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "stats":
        stats[f[1]] = [int(x) for x in f[2:]]
    else:
        rows.setdefault((f[0], f[1]), []).append([float(x) for x in f[2:]])
conns, nginx_rss, docs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
med = statistics.median
budgets = list(stats)
nginx_all = [r for b in budgets for r in rows.get(("nginx", b), [])]
n_rps, n_p99 = med(r[0] for r in nginx_all), med(r[2] for r in nginx_all)
print()
print(f"{'server':<22} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>7} {'sock err':>8}   {'req/s ratio':>11} {'p99 ratio':>9}")
def row(name, rs):
    rps, p50, p99 = med(r[0] for r in rs), med(r[1] for r in rs), med(r[2] for r in rs)
    non2xx, sock = sum(r[3] for r in rs), sum(r[4] for r in rs)
    ratio = f"{rps / n_rps:>11.2f} {p99 / n_p99:>9.2f}" if name.startswith("zwgk") and n_rps and n_p99 else ""
    print(f"{name:<22} {conns:>5} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {non2xx:>7.0f} {sock:>8.0f}   {ratio}")
for b in budgets:
    row(f"zwgk {b} MB, cold", rows[("cold", b)])
    row(f"zwgk {b} MB", rows[("zwgk", b)])
row("nginx", nginx_all)
print()
print("ratios are zwgk / nginx (nginx: median of all its runs): req/s above 1 and p99 below 1 favour zwgk;")
print("cold = the first run after zwgk starts (empty cache), not in the medians; non-2xx and socket errors (wrk): summed")
print()
print(f"{'budget':>7} {'hit rate':>8} {'hits':>9} {'renders':>8} {'stale':>6} {'cached MB':>9} {'entries':>8} {'KB/page':>7} "
      f"{'RSS start':>9} {'RSS end':>8} {'anon':>7} {'file':>7} {'peak':>7}")
for b in budgets:
    h0, m0, s0, h1, m1, s1, entries, nbytes, rss0, anon0, rss1, anon1, file1, hwm = stats[b]
    hits, misses, stale = h1 - h0, m1 - m0, s1 - s0
    total = hits + misses + stale
    rate = f"{hits / total:.3f}" if total else "-"
    per = nbytes / entries / 1024 if entries else 0
    print(f"{b + ' MB':>7} {rate:>8} {hits:>9,} {misses:>8,} {stale:>6,} {nbytes / 1048576:>9.1f} {entries:>8,} {per:>7.1f} "
          f"{rss0 / 1024:>9.0f} {rss1 / 1024:>8.0f} {anon1 / 1024:>7.0f} {file1 / 1024:>7.0f} {hwm / 1024:>7.0f}")
print()
print("hit rate, hits, renders (zwgk_page_cache_misses_total), stale: over the measured runs of that budget (not the cold one);")
print("cached MB / entries: zwgk_page_cache_bytes / _entries after them; RSS in MB (VmRSS after start and after the runs,")
print("of which RssAnon = heap and RssFile = mapped files, mostly the SQLite database under mmap, and VmHWM).")
if budgets:
    b = budgets[-1]
    entries, nbytes = stats[b][6], stats[b][7]
    if entries:
        print(f"all {docs:,} document pages would take ~{docs * nbytes / entries / 1048576:,.0f} MB of cache "
              f"(at {nbytes / entries / 1024:.1f} KB a page: identity + gzip + br)")
print(f"nginx master + worker resident memory: {nginx_rss / 1024:.1f} MB")
def codes(path):
    out = {}
    for m in re.finditer(r'^zwgk_http_requests_total\{code="([^"]+)"\} (\d+)', open(path).read(), re.M):
        out[m.group(1)] = int(m.group(2))
    return out
for b in budgets:
    c0, c1 = codes(f"{sys.argv[5]}/metrics-{b}-0.txt"), codes(f"{sys.argv[5]}/metrics-{b}-1.txt")
    delta = {k: v - c0.get(k, 0) for k, v in c1.items() if v - c0.get(k, 0)}
    print(f"zwgk {b} MB answers by status over the measured runs (zwgk_http_requests_total): "
          + " ".join(f"{k}={v:,}" for k, v in sorted(delta.items())))
EOF
