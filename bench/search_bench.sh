#!/usr/bin/env bash
# make bench-search [SIZES="100000 1000000"] [BACKENDS="sqlite postgresql"]: generates the
# corpus (bench/gen_documents.py) and runs bench/search_bench.cpp on each backend.
# BENCH_CLASS_SECONDS=N time-boxes each query column (default 60); BENCH_BUILD_ONLY=1 stops
# after the index build and size; WORK=DIR keeps the generated corpus between runs.
# GEN_ARGS="--old-text" generates with the generator of rounds 1-4 (bench/README.md);
# BENCH_KNOWN_ITEMS=N documents for the known-item figures (default 200, 0 = none).
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "$BUILD" in /*) B=$BUILD ;; *) B=$ROOT/$BUILD ;; esac
GEN_ARGS=${GEN_ARGS:-}
tag=$(printf '%s' "$GEN_ARGS" | tr -c 'a-z0-9' '_')
SIZES=${SIZES:-"100000 1000000"}
BACKENDS=${BACKENDS:-"sqlite postgresql"}
WORK=${WORK:-$(mktemp -d /tmp/zwgk-search-bench.XXXXXX)}
cmake --build "$B" --target search_bench >/dev/null
if [[ " $BACKENDS " == *" postgresql "* ]]; then
  eval "$("$ROOT/scripts/start-postgres.sh" | sed 's/^/export /')"
  trap '"$ROOT/scripts/stop-postgres.sh" "$ZWGK_PG_DIR"' EXIT
fi
for n in $SIZES; do
  docs="$WORK/docs$n$tag.jsonl"
  # shellcheck disable=SC2086  # GEN_ARGS is a list of options
  [ -f "$docs" ] || python3 "$ROOT/bench/gen_documents.py" "$n" $GEN_ARGS > "$docs"
  for backend in $BACKENDS; do
    echo "=== $n documents, $backend${GEN_ARGS:+, generator $GEN_ARGS}"
    if [ "$backend" = sqlite ]; then
      rm -f "$WORK/bench$n.db"*
      "$B/search_bench" "sqlite:$WORK/bench$n.db" "$docs" 2>&1 | grep --line-buffered -v 'migration applied'
      rm -f "$WORK/bench$n.db"*
    else
      url="${ZWGK_TEST_POSTGRES%/*}/zwgk_bench_$n"
      psql "${ZWGK_TEST_POSTGRES%/*}/postgres" -qc "DROP DATABASE IF EXISTS zwgk_bench_$n" -c "CREATE DATABASE zwgk_bench_$n"
      "$B/search_bench" "$url" "$docs" 2>&1 | grep --line-buffered -v 'migration applied'
      psql "$url" -Atc "SELECT 'zwgk index size: search_entries ' || pg_size_pretty(pg_total_relation_size('search_entries')) || ', of which GIN ' || pg_size_pretty(pg_relation_size('search_entries_tokens')) || ' + title GIN ' || pg_size_pretty(pg_relation_size('search_entries_title_tokens'))"
      psql "${ZWGK_TEST_POSTGRES%/*}/postgres" -qc "DROP DATABASE zwgk_bench_$n"
    fi
  done
done
