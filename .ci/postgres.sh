# Sourced: starts a throwaway PostgreSQL from the installed binaries (Debian's /usr/lib/postgresql/N/bin), bound to
# 127.0.0.1 on a free port, with its data in a temporary folder; stops it and deletes the folder on exit. Exports
# MCP_TEST_POSTGRES, a connection string the session-store tests and benchmarks create their databases with.
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# PostgreSQL refuses to run as root: then its own user runs it.
pg_as=(); if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; pg_as=(runuser -u postgres --); fi
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U echo -A trust --no-sync -E UTF8 >/dev/null
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
trap '"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
export MCP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=echo;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
