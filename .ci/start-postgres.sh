#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 (a free port, not 5432) for the tests, and prints on stdout,
# and only there:
#   export KSM_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:<port>/postgres?user=ksm_test'
#   export KSM_TEST_POSTGRES_DIR='<cluster directory>'
# Use it like this; the trap stops the server and removes its files also when the tests fail:
#   eval "$(bash .ci/start-postgres.sh)"
#   trap 'bash .ci/stop-postgres.sh' EXIT
# Installs PostgreSQL with apt-get when it is missing. initdb refuses to run as root, so as root the cluster belongs to
# the 'postgres' user (created by the Debian package).
set -euo pipefail

DB_USER=ksm_test
log() { echo "start-postgres: $*" >&2; }

postgres_bin() {
    local initdb
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$initdb"
}

BIN=$(postgres_bin || true)
if [ -z "$BIN" ]; then
    log "PostgreSQL is not installed: installing it with apt-get"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    BIN=$(postgres_bin || true)
    if [ -z "$BIN" ]; then
        log "apt-get installed PostgreSQL, but no /usr/lib/postgresql/*/bin/initdb was found"
        exit 1
    fi
fi

if [ "$(id -u)" -eq 0 ]; then
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/ksm-postgres.XXXXXX")
chmod 700 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown "$OWNER" "$DIR"; fi

if ! as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U "$DB_USER" -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$DIR/initdb.log" >&2
    rm -rf "$DIR"
    exit 1
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    PORT=$((20000 + RANDOM % 20000))
    if port_in_use "$PORT"; then continue; fi
    # fsync off: a throwaway cluster for tests, speed over durability
    if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2; then
        started=yes
        break
    fi
    log "start on port $PORT failed (attempt $attempt); log:"
    tail -n 5 "$DIR/postgres.log" >&2 || true
done
if [ -z "$started" ]; then
    log "could not start PostgreSQL"
    rm -rf "$DIR"
    exit 1
fi

for _ in $(seq 1 60); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER"; then break; fi
    sleep 0.5
done
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER"; then
    log "PostgreSQL on 127.0.0.1:$PORT did not become ready; log:"
    cat "$DIR/postgres.log" >&2
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true
    rm -rf "$DIR"
    exit 1
fi

log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') is ready on 127.0.0.1:$PORT (cluster $DIR)"
echo "export KSM_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$PORT/postgres?user=$DB_USER'"
echo "export KSM_TEST_POSTGRES_DIR='$DIR'"
