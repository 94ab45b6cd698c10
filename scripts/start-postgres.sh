#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server in a temporary directory on a free loopback
# port, as the postgres user (PostgreSQL refuses to run as root). Prints two lines:
#   ZWGK_TEST_POSTGRES=postgresql://postgres@127.0.0.1:<port>/zwgk_test
#   ZWGK_PG_DIR=<dir>
# Stop it with scripts/stop-postgres.sh <dir>.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/zwgk-pg.XXXXXX)
chown postgres:postgres "$dir" 2>/dev/null || true
chmod 700 "$dir"
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres zwgk_test
echo "ZWGK_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/zwgk_test"
echo "ZWGK_PG_DIR=$dir"
