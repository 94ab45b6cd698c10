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
# ZWGK_SKIP_E2E=1: leave out the browser tests (tests/e2e/), e.g. for a quick sanitizer run.
exclude=()
if [[ "${ZWGK_SKIP_E2E:-0}" == 1 ]]; then exclude=(-E '^e2e\.'); fi
ctest --output-on-failure -j 2 --timeout 900 "${exclude[@]}"
