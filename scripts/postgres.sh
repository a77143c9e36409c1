#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, from Debian's packages: `source scripts/postgres.sh` starts one in a temp
# folder on a free port, exports CS_TEST_POSTGRES (its connection string without a database), defines pg_sql, and stops it
# and deletes the folder when the calling shell exits, also on failure. As root the server runs as the postgres user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing from apt: postgresql"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
pg_dir=$(mktemp -d /tmp/cs-postgres.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
fi
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_stop() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap pg_stop EXIT
# C.UTF-8: text compares and sorts by code point, as SQLite's BINARY does. fsync off: a test cluster is thrown away;
# PG_DURABLE=1 keeps PostgreSQL's own durable defaults (for the load and crash test, which measures what a server does).
pg_options="-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400"
[ "${PG_DURABLE:-}" = 1 ] || pg_options="$pg_options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o "$pg_options" start >/dev/null
export CS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
# pg_sql [DATABASE]: runs the SQL on stdin (default database: postgres), stops at the first error, prints bare rows.
pg_sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "${1:-postgres}" -v ON_ERROR_STOP=1 -qtAX; }
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (throw-away cluster in $pg_dir)"
