#!/usr/bin/env bash
# Runs the Python tests of the test support files: the schema fixtures' self-test (through schema_check.py)
# and the Dintero emulator's tests. Prints unittest's verbose output, then one summary line:
#   python: N passed, M failed
# Exit status: unittest's (non-zero when a test failed or errored, or when nothing ran).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
# No __pycache__ next to the test sources: SwiftPM would warn about an unhandled folder in the test target.
export PYTHONDONTWRITEBYTECODE=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
"$PYTHON" -m unittest -v test_schema_fixtures test_dintero_emulator 2>&1 | tee "$log" || status=$?

# unittest ends with "Ran N tests in Xs" and then "OK" or "FAILED (failures=F, errors=E, ...)", possibly with
# skipped=S or unexpected successes; a skipped test is neither passed nor failed.
ran="$(sed -n 's/^Ran \([0-9][0-9]*\) tests\{0,1\} in .*/\1/p' "$log" | tail -n 1)"
count() { sed -n "s/.*[(, ]$1=\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
failures="$(count failures)"; errors="$(count errors)"; skipped="$(count skipped)"; unexpected="$(count 'unexpected successes')"
failed=$(( ${failures:-0} + ${errors:-0} + ${unexpected:-0} ))
passed=$(( ${ran:-0} - failed - ${skipped:-0} ))
if [[ -z "$ran" || "$ran" -eq 0 ]]; then
    echo "run_python_tests: no test ran" >&2
    status=1
fi
echo "python: $passed passed, $failed failed"
exit "$status"
