#!/usr/bin/env bash
# usage: pg-throwaway.sh start|stop   (env: PGPORT default 55432, PGDATA_ROOT, PGDATABASE)
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=${PGPORT:-55432}
ROOT=${PGDATA_ROOT:-${TMPDIR:-/tmp}/geodb-pg-$PGPORT}
DB=${PGDATABASE:-geodb_test}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
start)
  if ! [ -x $PGBIN/initdb ] || ! [ -e /usr/share/postgresql/15/extension/postgis.control ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15-postgis-3
  fi
  rm -rf "$ROOT"; mkdir -p "$ROOT"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$ROOT"
  as_pg $PGBIN/initdb -D "$ROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log"
  as_pg $PGBIN/pg_ctl -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 \
     -o "-p $PGPORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -qAt -c "CREATE DATABASE $DB"
  $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt \
     -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION postgis_sfcgal" -c "SELECT postgis_full_version()"
  echo "jdbc:postgresql://127.0.0.1:$PGPORT/$DB?user=postgres"
  ;;
stop)
  as_pg $PGBIN/pg_ctl -D "$ROOT/data" -m fast -w stop >/dev/null || true
  rm -rf "$ROOT"
  ;;
esac
