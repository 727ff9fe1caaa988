#!/usr/bin/env bash
# Installs what building and testing need, when missing: libsqlite3-dev (the SQLite C API), the
# Python packages the schema-validation test uses, and the shells and groff some tests drive.
# A fresh machine has nothing installed by hand.
set -euo pipefail
if [ ! -f /usr/include/sqlite3.h ]; then
  echo "ensure-deps: installing libsqlite3-dev" >&2
  apt-get update -qq >&2 && apt-get install -y -qq libsqlite3-dev pkg-config >&2
fi
if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  echo "ensure-deps: installing jsonschema and PyYAML" >&2
  python3 -m pip install -q jsonschema PyYAML >&2
fi
# The man page, completion and terminal tests drive groff, zsh, fish and script(1).
if ! command -v groff >/dev/null || ! command -v zsh >/dev/null || ! command -v fish >/dev/null || ! command -v script >/dev/null; then
  echo "ensure-deps: installing groff-base, zsh, fish and bsdutils" >&2
  apt-get update -qq >&2 && apt-get install -y -qq groff-base zsh fish bsdutils >&2
fi
