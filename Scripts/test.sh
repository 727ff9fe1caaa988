#!/usr/bin/env bash
# The test command: build once (no warnings allowed), then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib/swift-build.sh
Scripts/ensure-deps.sh
log="$(mktemp)"
swift_build --build-tests 2>&1 | tee "$log"
if grep -q 'warning:' "$log"; then echo "test: the build has compiler warnings" >&2; exit 1; fi
swift test --skip-build --disable-swift-testing
