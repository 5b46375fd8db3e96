#!/usr/bin/env bash
# Stops the throwaway PostgreSQL cluster that start-postgres.sh started and removes its files.
# Reads the cluster directory from KSM_TEST_POSTGRES_DIR (or the first argument). Quiet and harmless when there is none.
set -uo pipefail

DIR=${1:-${KSM_TEST_POSTGRES_DIR:-}}
if [ -z "$DIR" ] || [ ! -d "$DIR/data" ]; then
    exit 0
fi
case "$DIR" in
    */ksm-postgres.*) ;;
    *) echo "stop-postgres: $DIR is not a cluster made by start-postgres.sh; leaving it alone" >&2; exit 1 ;;
esac

PG_CTL=$(ls -1 /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
if [ -n "$PG_CTL" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$(stat -c %U "$DIR/data")" -- "$PG_CTL" -D "$DIR/data" -m fast -w stop >&2 || true
    else
        "$PG_CTL" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
fi
rm -rf "$DIR"
