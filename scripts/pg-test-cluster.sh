# Sourced by scripts/test.sh: a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite.
# The server refuses to run as root, so as root the cluster belongs to the postgres user.
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_TEST_PORT="${PG_TEST_PORT:-55432}"
PG_TEST_DIR=""

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg_cluster_start() {
  PG_TEST_DIR="$(mktemp -d /tmp/shegong-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_TEST_DIR"; fi
  pg_as_owner "'$PG_BIN/initdb' -D '$PG_TEST_DIR/data' --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
  pg_as_owner "'$PG_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -w -l '$PG_TEST_DIR/server.log' \
    -o \"-p $PG_TEST_PORT -k '$PG_TEST_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
  PG_TEST_CONNECTION="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres"
  export PG_TEST_CONNECTION
  echo "PostgreSQL test cluster on 127.0.0.1:$PG_TEST_PORT ($PG_TEST_DIR)"
}

pg_cluster_stop() {
  if [ -n "$PG_TEST_DIR" ] && [ -d "$PG_TEST_DIR/data" ]; then
    pg_as_owner "'$PG_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -m immediate stop >/dev/null" || true
    rm -rf "$PG_TEST_DIR"
  fi
}
