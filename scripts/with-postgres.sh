#!/usr/bin/env bash
# Run a command against PostgreSQL: scripts/with-postgres.sh .venv/bin/pytest tests/web
#
# When DATABASE_URL is already set, the command runs against that server. Otherwise a
# throwaway server is started in a temporary folder on a free port (as the postgres user when
# run as root, since PostgreSQL refuses to run as root), a database is created, DATABASE_URL
# is exported for the command, and the server and its folder are removed afterwards.
set -euo pipefail

if [[ -n ${DATABASE_URL:-} ]]; then
  exec "$@"
fi

pg_bin=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1 || true)
if [[ -z $pg_bin ]]; then
  echo "PostgreSQL is not installed: run scripts/ensure-system-packages.sh" >&2
  exit 1
fi

as_owner=()
if ((EUID == 0)); then
  as_owner=(runuser -u postgres --)
  folder=$(mktemp -d /tmp/mechelen-postgres.XXXXXX) # a folder the postgres user can reach
  chown postgres: "$folder"
else
  folder=$(mktemp -d "${TMPDIR:-/tmp}/mechelen-postgres.XXXXXX")
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" stop -D "$folder/data" -m immediate >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
trap "exit 130" INT TERM

"${as_owner[@]}" "$pg_bin/initdb" --pgdata "$folder/data" --username mechelen --auth trust \
  --encoding UTF8 --locale C --no-sync >/dev/null
# A test server: durability is traded for speed, and it listens on the loopback address only.
"${as_owner[@]}" "$pg_bin/pg_ctl" start --wait --silent -D "$folder/data" -l "$folder/server.log" \
  -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$folder \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off" ||
  { cat "$folder/server.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/createdb" --host 127.0.0.1 --port "$port" --username mechelen mechelen

export DATABASE_URL="postgres://mechelen@127.0.0.1:$port/mechelen"
echo "Throwaway PostgreSQL server ($(basename "$(dirname "$pg_bin")")) at $DATABASE_URL"
"$@"
