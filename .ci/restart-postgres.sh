#!/usr/bin/env bash
# Restarts the throwaway PostgreSQL cluster that start-postgres.sh started (directory in KSM_TEST_POSTGRES_DIR, or
# the first argument), on the same port with the same options, for tests of what happens while the database is away.
# Optionally it stays down for a while between stop and start:
#   bash .ci/restart-postgres.sh [DIR] [--down SECONDS]
# On stdout, and only there, it prints "stopped" once the server has stopped (every connection is gone) and "started"
# once it accepts connections again, so a test can tell when the database was away; diagnostics go to stderr.
# As root the cluster belongs to the owner of its data directory (start-postgres.sh: 'postgres'), as in the start script.
set -euo pipefail

log() { echo "restart-postgres: $*" >&2; }

DIR=${KSM_TEST_POSTGRES_DIR:-}
DOWN=0
while [ $# -gt 0 ]; do
    case "$1" in
        --down) DOWN=$2; shift 2 ;;
        *) DIR=$1; shift ;;
    esac
done
if [ -z "$DIR" ] || [ ! -d "$DIR/data" ]; then
    log "no cluster: set KSM_TEST_POSTGRES_DIR (eval \"\$(bash .ci/start-postgres.sh)\") or give its directory"
    exit 1
fi
case "$DIR" in
    */ksm-postgres.*) ;;
    *) log "$DIR is not a cluster made by start-postgres.sh; leaving it alone"; exit 1 ;;
esac
if [ ! -f "$DIR/data/postmaster.opts" ]; then
    log "$DIR/data/postmaster.opts is missing: was the server ever started?"
    exit 1
fi

BIN=$(dirname "$(ls -1 /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)")
if [ "$(id -u)" -eq 0 ]; then
    OWNER=$(stat -c %U "$DIR/data")
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    as_owner() { "$@"; }
fi

# the options the server was started with (postmaster.opts: the binary, then its quoted arguments), less -D, which
# pg_ctl gives itself; start-postgres.sh's values hold no blanks
eval "set -- $(cat "$DIR/data/postmaster.opts")"
shift
OPTIONS=""
PORT=""
while [ $# -gt 0 ]; do
    case "$1" in
        -D) shift 2 ;;
        -p) PORT=$2; OPTIONS="$OPTIONS $1 $2"; shift 2 ;;
        *) OPTIONS="$OPTIONS $1"; shift ;;
    esac
done

as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
echo stopped
if [ "$DOWN" != "0" ]; then
    sleep "$DOWN"
fi
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 -o "${OPTIONS# }" start >&2
for _ in $(seq 1 60); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then break; fi
    sleep 0.5
done
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "PostgreSQL on 127.0.0.1:$PORT did not become ready again; log:"
    tail -n 20 "$DIR/postgres.log" >&2
    exit 1
fi
echo started
log "PostgreSQL is back on 127.0.0.1:$PORT (cluster $DIR)"
