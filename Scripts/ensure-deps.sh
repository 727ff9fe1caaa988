#!/usr/bin/env bash
# Installs what building and testing need, when missing: libsqlite3-dev (the SQLite C API) and the
# Python packages the schema-validation test uses. A fresh machine has nothing installed by hand.
set -euo pipefail
if [ ! -f /usr/include/sqlite3.h ]; then
  echo "ensure-deps: installing libsqlite3-dev" >&2
  apt-get update -qq >&2 && apt-get install -y -qq libsqlite3-dev pkg-config >&2
fi
if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
  echo "ensure-deps: installing jsonschema and PyYAML" >&2
  python3 -m pip install -q jsonschema PyYAML >&2
fi
