#!/usr/bin/env bash
# Benchmark: checkout-admin against the sqlite3 shell doing comparable work on the same store (issue 7).
# Prints, per measure, the medians of interleaved runs (A B A B …), the ratio and the target, then peak memory
# and growth. A benchmark, not a test: it exits 0 whatever the ratios (set BENCH_STRICT=1 to fail on "over").
# Then pull and push of 1 000 accounts against the Dintero emulator, one at a time and with --jobs 8.
# Then the scale section (issue 15, Scripts/lib/bench_scale.py): 10 000 and 100 000 accounts, time (medians of 3 runs,
# the sizes taking turns) and peak memory of apply, the no-change apply, audit, dump, profile export, clicktopay status,
# store check and store backup, bytes per account, growth against the targets, and apply against the sqlite3 shell
# into a minimal schema.
# Usage: Scripts/bench.sh [--million] [RUNS]   (default 15 runs per measure; BENCH_LARGE=0 skips the 100 000-account
#        growth check, BENCH_REMOTE=0 skips the remote bench; BENCH_REMOTE_ACCOUNTS and BENCH_REMOTE_LATENCY_MS change
#        it; BENCH_SCALE=0 skips the scale section; --million or BENCH_MILLION=1 adds 1 000 000 accounts to it (about
#        1 GB of JSON and a few GB of store in the temporary folder); BENCH_SCALE_SIZES=1000,10000 replaces its sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --million ]; then export BENCH_MILLION=1; shift; fi
runs="${1:-15}"
Scripts/ensure-deps.sh
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; } >&2
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; } >&2
swift build -c release --product checkout-admin >&2
swift build -c release --product checkout-admin-remote >&2
bin="$(swift build -c release --show-bin-path)/checkout-admin"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 Scripts/lib/bench.py "$bin" "$work" "$runs"
if [ "${BENCH_SCALE:-1}" != 0 ]; then
  python3 Scripts/lib/bench_scale.py "$bin" "$work"
fi
if [ "${BENCH_REMOTE:-1}" != 0 ]; then
  python3 Scripts/lib/bench_remote.py "$bin" "$work" "${BENCH_REMOTE_ACCOUNTS:-1000}" "${BENCH_REMOTE_LATENCY_MS:-10}"
fi
