#!/usr/bin/env bash
# The main job, end to end on a throwaway store: enable Click to Pay for a merchant the safe way.
# Usage: Scripts/demo.sh            (builds the tool first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build --product checkout-admin >&2
bin="$(swift build --show-bin-path)/checkout-admin"
store_dir="$(mktemp -d)"
trap 'rm -rf "$store_dir"' EXIT
export CHECKOUT_ADMIN_STORE="$store_dir/demo.sqlite" CHECKOUT_ADMIN_ACTOR=demo

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s$ checkout-admin %s%s\n' "$bold" "$*" "$plain"; "$bin" "$@"; }
expect_refusal() {
  printf '\n%s$ checkout-admin %s%s   # refused on purpose\n' "$bold" "$*" "$plain"
  if "$bin" "$@"; then echo "demo: expected a refusal" >&2; exit 1; fi
}

step account add T12345678 --name "Example AS"
step settings set T12345678 logo_url=https://example.com/logo.png country=NO checkout_express=true
step method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK
step method enable T12345678 vipps
step profile add T12345678 webshop --description "Norwegian web shop" --method dintero_psp.creditcard --method vipps --default dintero_psp.creditcard
step profile add T12345678 app --all-active --channel in_app
expect_refusal method enable T12345678 payex.clicktopay
step clicktopay enable T12345678
step clicktopay enable T12345678
step clicktopay status T12345678
step audit
step profile export T12345678 webshop
step account export T12345678
echo
echo "demo: done (store was $CHECKOUT_ADMIN_STORE, now removed)"
