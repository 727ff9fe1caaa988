#!/usr/bin/env bash
# The store as a working copy of Dintero, end to end against the emulator on a free loopback port:
# pull → clicktopay enable → diff → push → diff --exit-code (clean). Each step is printed before it runs.
# Usage: Scripts/demo-remote.sh     (builds both executables first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build --product checkout-admin >&2
swift build --product checkout-admin-remote >&2
bin="$(swift build --show-bin-path)/checkout-admin"
work="$(mktemp -d)"
emulator_pid=''
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The emulator prints exactly one line, "listening http://127.0.0.1:<port>", once it accepts connections.
mkfifo "$work/listening"
python3 Tests/CheckoutAdminTests/Support/dintero_emulator.py --port 0 --state Scripts/demo-remote.json \
  >"$work/listening" &
emulator_pid=$!
read -r _ origin <"$work/listening"

export CHECKOUT_ADMIN_STORE="$work/demo.sqlite" CHECKOUT_ADMIN_ACTOR=demo
export CHECKOUT_ADMIN_API_URL="$origin/v1" CHECKOUT_ADMIN_AUTH_URL="$origin/v1"
# Credentials come from a 0600 file, never from the command line.
export CHECKOUT_ADMIN_CREDENTIALS="$work/credentials.json"
(umask 077 && printf '{"T12345678": {"client_id": "demo-client", "client_secret": "demo-secret"}}\n' \
  >"$CHECKOUT_ADMIN_CREDENTIALS")

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s$ checkout-admin %s%s\n' "$bold" "$*" "$plain"; "$bin" "$@" 2>&1; }

echo "demo: Dintero emulator at $origin (a realistic merchant: cards and Vipps, a web shop profile)"
step pull T12345678
step profile list T12345678
step clicktopay enable T12345678
step diff T12345678
step push T12345678
step diff T12345678 --exit-code
echo
echo "demo: done (store and emulator were in $work, now removed)"
