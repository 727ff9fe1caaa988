#!/usr/bin/env bash
# Reliability under stress, against the release binary: signals and kill -9 before, during and after a commit;
# kill -9 during backup, store creation and upgrade; concurrent writers, same-row races and readers; raw-SQL
# attacks on the Click to Pay rule and the history; hostile JSON and arguments; stdout failures, --output
# targets, a full and a read-only disk; foreign files. Prints figures per scenario, ends with
# `stress: N passed, M failed`, exits non-zero when any check failed.
# Usage: Scripts/stress.sh [--quick] [GROUP…]   (--quick: the bounded counts .ci/run uses; GROUP: attacks,
# concurrency, signals, output, inputs — only those)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib/swift-build.sh
Scripts/ensure-deps.sh
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; } >&2
# The release build, as shipped (package.sh reuses it: .build/release).
swift_build -c release --product checkout-admin >&2
bin="$(swift build -c release --show-bin-path)/checkout-admin"
work="$(mktemp -d)"
# A tmpfs the scenarios mounted is unmounted before the folder goes.
trap 'umount "$work/full" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 Scripts/lib/stress "$bin" "$work" "$@"
