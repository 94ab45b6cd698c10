#!/usr/bin/env bash
set -u
dir=${1:?usage: stop-postgres.sh DIR}
PGBIN=/usr/lib/postgresql/15/bin
if [ -d "$dir/data" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
  else "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1; fi
fi
rm -rf "$dir"
