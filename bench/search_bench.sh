#!/usr/bin/env bash
# make bench-search [SIZES="100000 1000000"] [BACKENDS="sqlite postgresql"]: generates the
# corpus (bench/gen_documents.py) and runs bench/search_bench.cpp on each backend.
# BENCH_CLASS_SECONDS=N time-boxes each query column (default 60); BENCH_BUILD_ONLY=1 stops
# after the index build and size; WORK=DIR keeps the generated corpus between runs.
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-"100000 1000000"}
BACKENDS=${BACKENDS:-"sqlite postgresql"}
WORK=${WORK:-$(mktemp -d /tmp/zwgk-search-bench.XXXXXX)}
cmake --build "$ROOT/$BUILD" --target search_bench >/dev/null
if [[ " $BACKENDS " == *" postgresql "* ]]; then
  eval "$("$ROOT/scripts/start-postgres.sh" | sed 's/^/export /')"
  trap '"$ROOT/scripts/stop-postgres.sh" "$ZWGK_PG_DIR"' EXIT
fi
for n in $SIZES; do
  [ -f "$WORK/docs$n.jsonl" ] || python3 "$ROOT/bench/gen_documents.py" "$n" > "$WORK/docs$n.jsonl"
  for backend in $BACKENDS; do
    echo "=== $n documents, $backend"
    if [ "$backend" = sqlite ]; then
      rm -f "$WORK/bench$n.db"*
      "$ROOT/$BUILD/search_bench" "sqlite:$WORK/bench$n.db" "$WORK/docs$n.jsonl" 2>&1 | grep --line-buffered -v 'migration applied'
      rm -f "$WORK/bench$n.db"*
    else
      url="${ZWGK_TEST_POSTGRES%/*}/zwgk_bench_$n"
      psql "${ZWGK_TEST_POSTGRES%/*}/postgres" -qc "DROP DATABASE IF EXISTS zwgk_bench_$n" -c "CREATE DATABASE zwgk_bench_$n"
      "$ROOT/$BUILD/search_bench" "$url" "$WORK/docs$n.jsonl" 2>&1 | grep --line-buffered -v 'migration applied'
      psql "$url" -Atc "SELECT 'zwgk index size: search_entries ' || pg_size_pretty(pg_total_relation_size('search_entries')) || ', of which GIN ' || pg_size_pretty(pg_relation_size('search_entries_tokens')) || ' + title GIN ' || pg_size_pretty(pg_relation_size('search_entries_title_tokens'))"
      psql "${ZWGK_TEST_POSTGRES%/*}/postgres" -qc "DROP DATABASE zwgk_bench_$n"
    fi
  done
done
