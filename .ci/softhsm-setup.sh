#!/usr/bin/env bash
# Creates, or reuses when it is already there, a throwaway SoftHSM2 token for camel-ksm's HSM tests.
#
#   usage: eval "$(.ci/softhsm-setup.sh [DIR])"      DIR defaults to target/softhsm
#
# Installs softhsm2 and opensc (pkcs11-tool) with apt-get when missing. Everything else lives under DIR: its own
# softhsm2.conf and token directory, the token's PINs (random, file mode 600), four sensitive, non-extractable keys
# made inside the token (AES-256 config key, a second AES-256 key for key-change tests, an HMAC-SHA256 key for the
# CBC + HMAC mode, an AES-256 key that wraps encryption scheme data keys) and a SunPKCS11 config file. It prints the environment the tests read (also kept in DIR/env.sh);
# all other output goes to stderr. PINs of a test token may show in `ps` while pkcs11-tool runs: fine for a
# throwaway token, never for a real one.
set -euo pipefail

dir=${1:-target/softhsm}
label=${KSM_SOFTHSM_TOKEN_LABEL:-camel-ksm-test}
key_alias=ksm-config-key
key2_alias=ksm-config-key-2
hmac_alias=ksm-config-hmac
scheme_alias=ksm-scheme-wrap

log() { echo "softhsm-setup: $*" >&2; }

find_module() {
    local candidate
    for candidate in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
        /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so; do
        if [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    return 1
}

install_packages() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            log "softhsm2 / opensc are missing and this user cannot install them: apt-get install softhsm2 opensc"
            exit 1
        fi
    fi
    log "installing softhsm2 and opensc"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends softhsm2 opensc >&2
}

if ! command -v softhsm2-util >/dev/null || ! command -v pkcs11-tool >/dev/null || ! find_module >/dev/null; then
    install_packages
fi
module=$(find_module) || { log "libsofthsm2.so not found after install"; exit 1; }

mkdir -p "$dir/tokens"
dir=$(cd "$dir" && pwd)
chmod 700 "$dir" "$dir/tokens"

# SoftHSM reads its config from SOFTHSM2_CONF only: every process that uses the token needs it in its environment.
export SOFTHSM2_CONF="$dir/softhsm2.conf"
cat > "$SOFTHSM2_CONF" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF

pins="$dir/pins"
if [ ! -s "$pins" ]; then
    (umask 077; printf 'user_pin=%s\nso_pin=%s\n' "$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')" \
        "$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')" > "$pins")
fi
user_pin=$(sed -n 's/^user_pin=//p' "$pins")
so_pin=$(sed -n 's/^so_pin=//p' "$pins")

# SoftHSM gives a token a new random slot id when it is initialised: find the slot by label.
slot_of_label() {
    softhsm2-util --show-slots 2>/dev/null | awk -v want="$label" '
        /^Slot [0-9]+/ { slot = $2 }
        /^[[:space:]]+Label:/ { sub(/^[[:space:]]+Label:[[:space:]]*/, ""); sub(/[[:space:]]+$/, ""); if ($0 == want) { print slot; exit } }'
}

slot=$(slot_of_label)
if [ -n "$slot" ] && ! pkcs11-tool --module "$module" --slot "$slot" --login --pin "$user_pin" --list-objects \
        >/dev/null 2>&1; then
    # a token from an earlier run whose PIN file is gone: start over
    log "token '$label' does not accept the PIN in $pins: recreating it"
    rm -rf "${dir:?}/tokens/"*
    slot=""
fi
if [ -z "$slot" ]; then
    log "initialising token '$label' in $dir/tokens"
    softhsm2-util --init-token --free --label "$label" --so-pin "$so_pin" --pin "$user_pin" >&2
    slot=$(slot_of_label)
    [ -n "$slot" ] || { log "token '$label' not found after init"; exit 1; }
fi

p11() { pkcs11-tool --module "$module" --slot "$slot" --login --pin "$user_pin" "$@"; }

ensure_key() { # alias id key-type [usage flags]
    if p11 --list-objects --type secrkey 2>/dev/null | grep -q "label:[[:space:]]*$1\$"; then
        return 0
    fi
    log "generating $3 key '$1' (sensitive, not extractable)"
    p11 --keygen --key-type "$3" --label "$1" --id "$2" --sensitive "${@:4}" >&2
}
ensure_key "$key_alias" 01 AES:32
ensure_key "$key2_alias" 02 AES:32
ensure_key "$hmac_alias" 03 GENERIC:32 --usage-sign
# wraps the data keys of encryption schemes with key location HSM
ensure_key "$scheme_alias" 04 AES:32

pkcs11_config="$dir/pkcs11.cfg"
cat > "$pkcs11_config" <<CFG
name = SoftHSM-camel-ksm
library = $module
slot = $slot
CFG

{
    echo "export SOFTHSM2_CONF=$SOFTHSM2_CONF"
    echo "export KSM_TEST_PKCS11_CONFIG=$pkcs11_config"
    echo "export KSM_TEST_PKCS11_PIN=$user_pin"
    echo "export KSM_TEST_PKCS11_KEY_ALIAS=$key_alias"
    echo "export KSM_TEST_PKCS11_KEY2_ALIAS=$key2_alias"
    echo "export KSM_TEST_PKCS11_HMAC_ALIAS=$hmac_alias"
    echo "export KSM_TEST_PKCS11_SCHEME_KEY_ALIAS=$scheme_alias"
} > "$dir/env.sh"
chmod 600 "$dir/env.sh"
cat "$dir/env.sh"
