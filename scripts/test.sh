#!/usr/bin/env bash
# Runs the whole test suite on SQLite and on a throw-away PostgreSQL 15 server.
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
eval "$("$ROOT/scripts/start-postgres.sh" | sed 's/^/export /')"
trap '"$ROOT/scripts/stop-postgres.sh" "$ZWGK_PG_DIR"' EXIT
echo "zwgk: PostgreSQL test server at ${ZWGK_TEST_POSTGRES}"
cd "$BUILD"
ctest --output-on-failure -j 2 --timeout 900
