#!/usr/bin/env bash
# Install (if missing) and start the servers the tests need: PostgreSQL and Redis, on loopback.
# No systemd here: both are started directly. Prints the export lines for DATABASE_URL/REDIS_URL.
set -euo pipefail
PG_PORT="${PG_PORT:-5433}"
REDIS_PORT="${REDIS_PORT:-6390}"
STATE="${SERVICES_DIR:-/tmp/agentic-sales-services}"
mkdir -p "$STATE"

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# Redis
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$STATE" --logfile "$STATE/redis.log" >&2
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# PostgreSQL (runs as the postgres user; root may not run it)
PGDATA="$STATE/pg"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd -r -m postgres
  chown -R postgres "$STATE"
  RUN_AS=(runuser -u postgres --)
fi
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
fi
if ! "${RUN_AS[@]}" "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; then
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$STATE/pg.log" -w \
    -o "-p $PG_PORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >&2
fi
for db in agentic_test agentic_bench; do
  "${RUN_AS[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 ||
    "${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
done
echo "export DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/agentic_test"
echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
