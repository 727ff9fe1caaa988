#!/usr/bin/env bash
# Installs what building and testing need, when missing, the way this machine allows: libsqlite3-dev (the SQLite
# C API), the Python jsonschema module the schema and emulator tests use, and the shells, groff and script(1) some
# tests drive. A fresh machine has nothing installed by hand. As root it installs; otherwise it says what to
# install and exits 1.
set -euo pipefail

debian_packages=()
[ -f /usr/include/sqlite3.h ] || debian_packages+=(libsqlite3-dev pkg-config)
command -v sqlite3 >/dev/null || debian_packages+=(sqlite3)
command -v groff >/dev/null || debian_packages+=(groff-base)
command -v zsh >/dev/null || debian_packages+=(zsh)
command -v fish >/dev/null || debian_packages+=(fish)
command -v script >/dev/null || debian_packages+=(bsdutils)

# pyenv's or a virtualenv's python3 takes pip; a distribution's python3 is "externally managed" (PEP 668: stock
# Debian 12 and Ubuntu 24.04 refuse pip there), so its modules come from Debian packages.
python_modules=()
python3 -c 'import jsonschema' 2>/dev/null || python_modules+=(jsonschema)
pip_modules=()
if [ ${#python_modules[@]} -gt 0 ]; then
  stdlib="$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')"
  if [ -f "$stdlib/EXTERNALLY-MANAGED" ]; then
    for module in "${python_modules[@]}"; do debian_packages+=("python3-$module"); done
  else
    pip_modules=("${python_modules[@]}")
  fi
fi

[ ${#debian_packages[@]} -gt 0 ] || [ ${#pip_modules[@]} -gt 0 ] || exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-deps: missing: ${debian_packages[*]:-} ${pip_modules[*]:-}" >&2
  [ ${#debian_packages[@]} -eq 0 ] || echo "ensure-deps: run: sudo apt-get install -y ${debian_packages[*]}" >&2
  [ ${#pip_modules[@]} -eq 0 ] || echo "ensure-deps: run: python3 -m pip install ${pip_modules[*]}" >&2
  exit 1
fi
if [ ${#debian_packages[@]} -gt 0 ]; then
  echo "ensure-deps: installing ${debian_packages[*]}" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debian_packages[@]}" >&2
fi
if [ ${#pip_modules[@]} -gt 0 ]; then
  echo "ensure-deps: installing ${pip_modules[*]} with pip" >&2
  python3 -m pip install -q "${pip_modules[@]}" >&2
fi
