#!/usr/bin/env bash
# Reliability under stress (issue 6): concurrent writers, kill -9 and SIGINT during a large apply,
# stores that are not ours, argument fuzzing. Prints figures; exits non-zero when a guarantee breaks.
# Usage: Scripts/stress.sh [--quick]   (--quick: the bounded counts .ci/run uses)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib/swift-build.sh
Scripts/ensure-deps.sh
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; } >&2
swift_build --product checkout-admin >&2
bin="$(swift build --show-bin-path)/checkout-admin"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 Scripts/lib/stress.py "$bin" "$work" "${1:-}"
