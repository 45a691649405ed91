#!/usr/bin/env bash
# Stops a server started by pg-throwaway.sh. Usage: scripts/pg-stop.sh [PORT] [DIR]
set -euo pipefail
PORT=${1:-54329}
DIR=${2:-/tmp/mamori-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN=()
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null
