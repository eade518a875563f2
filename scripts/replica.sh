#!/usr/bin/env bash
# A streaming replica of this machine's PostgreSQL (127.0.0.1:5432) on 127.0.0.1:5433, for the
# read-replica tests (api/src/modules/order/read-replica.test.ts: READ_REPLICA_TEST_URL) and CI (.ci/run).
#   scripts/replica.sh        start it (a replica already streaming is kept; anything else is made again)
#   scripts/replica.sh stop   stop it and remove its directory
# pg_basebackup -R copies the primary into REPLICA_DIR; the standby streams from it without a
# replication slot, so a replica left stopped never holds the primary's WAL back. The primary's
# pg_hba.conf gets a trust line for replication from 127.0.0.1 when it has none (then a reload).
set -euo pipefail
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPLICA_DIR=${REPLICA_DIR:-/tmp/medchannel-replica}
URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/postgres"

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"; }
replica() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }
stop() {
  if [ -f "$REPLICA_DIR/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null || true; fi
  rm -rf "$REPLICA_DIR"
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi

if [ "$(replica "SELECT status FROM pg_stat_wal_receiver" || true)" = streaming ]; then
  echo "replica already streaming: $URL"
  exit 0
fi
if pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" && [ ! -f "$REPLICA_DIR/postmaster.pid" ]; then
  echo "port $REPLICA_PORT is taken by a server this script did not start; set REPLICA_PORT" >&2
  exit 1
fi
stop

if [ "$(primary "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND type = 'host'")" = 0 ]; then
  hba=$(primary "SHOW hba_file")
  echo "adding a replication line for 127.0.0.1 to $hba"
  as_pg sh -c "printf '%s\n' 'host replication all 127.0.0.1/32 trust' >> '$hba'"
  primary "SELECT pg_reload_conf()" >/dev/null
fi

as_pg mkdir -p "$REPLICA_DIR"
as_pg chmod 700 "$REPLICA_DIR"
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast
# Debian keeps the configuration outside the data directory: the copy gets its own. A hot standby
# needs these settings at least as high as the primary's.
{
  echo "port = $REPLICA_PORT"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = '$REPLICA_DIR'"
  echo "shared_buffers = 32MB"
  echo "hot_standby = on"
  echo "hot_standby_feedback = on"
  for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    echo "$setting = $(primary "SHOW $setting")"
  done
} | as_pg tee "$REPLICA_DIR/postgresql.conf" >/dev/null
printf '%s\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' | as_pg tee "$REPLICA_DIR/pg_hba.conf" >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/server.log" -w start >/dev/null

for _ in $(seq 1 30); do
  [ "$(replica "SELECT status FROM pg_stat_wal_receiver" || true)" = streaming ] && break
  sleep 1
done
if [ "$(replica "SELECT status FROM pg_stat_wal_receiver" || true)" != streaming ]; then
  echo "the replica does not stream; its log:" >&2
  tail -20 "$REPLICA_DIR/server.log" >&2
  exit 1
fi
echo "replica streaming: $URL"
