#!/usr/bin/env bash
# What a provisioning pipeline runs: plan on a pull request, apply on merge, audit, then export the
# bodies to push to Dintero's API. Usage: Scripts/ci-provision.sh [STATE_FILE] [plan|apply]
# (defaults: Scripts/example-state.json, apply). Runs on a throwaway store unless CHECKOUT_ADMIN_STORE is set.
set -euo pipefail
cd "$(dirname "$0")/.."
state="${1:-Scripts/example-state.json}"
mode="${2:-apply}"
swift build --product checkout-admin >&2
bin="$(swift build --show-bin-path)/checkout-admin"
if [ -z "${CHECKOUT_ADMIN_STORE:-}" ]; then
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
  export CHECKOUT_ADMIN_STORE="$work/store.sqlite"
fi
export CHECKOUT_ADMIN_ACTOR="${CHECKOUT_ADMIN_ACTOR:-ci}"

echo "== plan" >&2
"$bin" apply "$state" --dry-run                 # exit 3 (findings printed) fails the pipeline
[ "$mode" = plan ] && exit 0

echo "== apply" >&2
"$bin" apply "$state"
"$bin" apply "$state" | grep -qx 'No changes.'  # applying twice changes nothing

echo "== audit" >&2
audit_report="$(mktemp)"
"$bin" --json audit --strict > "$audit_report" || { cat "$audit_report"; exit 1; }

echo "== export (bodies for PUT /v1/admin/checkout and /v1/admin/session/profiles/{id})" >&2
out="${EXPORT_DIR:-$(mktemp -d)}"
for account in $("$bin" --json account list | python3 -c 'import json,sys; print(" ".join(a["account_id"] for a in json.load(sys.stdin)["accounts"]))'); do
  "$bin" account export "$account" --output "$out/$account.checkout.json"
  "$bin" profile export "$account" --output "$out/$account.profiles.json"
done
rm -f "$audit_report"
echo "exports in $out" >&2
