#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks and prints its DATABASE_URL.
# Usage: scripts/pg-throwaway.sh [PORT] [DIR]. Stop it with: pg_ctl -D DIR/data stop (see scripts/pg-stop.sh).
# Needs Debian's postgresql package (apt-get install postgresql). Test-only settings: fsync off.
set -euo pipefail
PORT=${1:-54329}
DIR=${2:-/tmp/mamori-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN=()
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi
if [ -f "$DIR/data/postmaster.pid" ]; then "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
rm -rf "$DIR"
mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U mamori --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c shared_buffers=1GB" start >/dev/null
"${RUN[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U mamori mamori
echo "postgres://mamori@127.0.0.1:$PORT/mamori"
