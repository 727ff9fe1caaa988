#!/usr/bin/env bash
# Builds the Debian package (Scripts/package.sh) and checks it without installing it: lintian, the control
# fields and the exact list of paths and modes, then, extracted into a temporary root, the binary (version,
# the demo's commands on a throwaway store), the man page as man renders it, and each completion file in
# its own shell. Installs lintian, man-db, zsh, fish and bash-completion when missing (not the package).
# Prints one line per check and a final "package: N passed, M failed"; exits non-zero on any failure.
# Usage: Scripts/test-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v lintian >/dev/null || missing+=(lintian)
command -v man >/dev/null || missing+=(man-db)
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-package: installing ${missing[*]}" >&2
  log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"; } > "$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  rm -f "$log"
fi

deb="$(Scripts/package.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/checkout-admin"
# Nothing below may read or write the user's own store, history or shell configuration.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export CHECKOUT_ADMIN_STORE="$work/completion.sqlite" CHECKOUT_ADMIN_ACTOR=test-package
mkdir -p "$HOME"

passed=0
failed=0
# check NAME COMMAND…: runs the command, counts it, and shows its output when it fails.
check() {
  local name=$1 output
  shift
  if output="$("$@" 2>&1)"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    [ -z "$output" ] || printf '%s\n' "$output" | sed 's/^/     /'
  fi
}

# --- the package as a file ---------------------------------------------------------------------------------

lintian_clean() {
  # Errors and warnings fail (overrides in the package are honoured); info tags are shown, not counted.
  lintian --display-info --fail-on error,warning "$deb"
}

version="$("$bin" --version | cut -d' ' -f2)"
control_fields() {
  local field expected
  while IFS='|' read -r field expected; do
    [ "$(dpkg-deb --field "$deb" "$field")" = "$expected" ] || { echo "$field: '$(dpkg-deb --field "$deb" "$field")', expected '$expected'"; return 1; }
  done <<FIELDS
Package|checkout-admin
Version|$version
Architecture|$(dpkg --print-architecture)
Section|admin
Priority|optional
Depends|
Pre-Depends|
Recommends|
FIELDS
  # A static executable needs no other package; the description says so.
  dpkg-deb --field "$deb" Description | grep -q 'depends on no other package: checkout-admin is one fully static'
  [ "$(basename "$deb")" = "checkout-admin_${version}_$(dpkg --print-architecture).deb" ]
}

# The exact contents: every regular file with its mode, owned by root; nothing else but 0755 folders.
expected_files() {
  cat <<'FILES'
-rwxr-xr-x ./usr/bin/checkout-admin
-rwxr-xr-x ./usr/lib/checkout-admin/checkout-admin-remote
-rw-r--r-- ./usr/share/bash-completion/completions/checkout-admin
-rw-r--r-- ./usr/share/doc/checkout-admin/CHANGELOG.md.gz
-rw-r--r-- ./usr/share/doc/checkout-admin/README.md.gz
-rw-r--r-- ./usr/share/doc/checkout-admin/changelog.gz
-rw-r--r-- ./usr/share/doc/checkout-admin/copyright
-rw-r--r-- ./usr/share/fish/vendor_completions.d/checkout-admin.fish
-rw-r--r-- ./usr/share/lintian/overrides/checkout-admin
-rw-r--r-- ./usr/share/man/man1/checkout-admin.1.gz
-rw-r--r-- ./usr/share/zsh/vendor-completions/_checkout-admin
FILES
}
contents_exact() {
  dpkg-deb --contents "$deb" > "$work/contents"
  awk '$1 !~ /^d/ {print $1, $6}' "$work/contents" | LC_ALL=C sort > "$work/files"
  diff -u <(expected_files) "$work/files"
  # Folders: 0755, and only those that lead to a file above.
  awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" {print "folder mode:", $0; bad = 1} END {exit bad}' "$work/contents"
  awk '$2 != "root/root" {print "owner:", $0; bad = 1} END {exit bad}' "$work/contents"
  awk '$1 ~ /^d/ {print $6}' "$work/contents" | LC_ALL=C sort > "$work/folders"
  expected_files | awk '{print $2}' | while read -r path; do
    while path="$(dirname "$path")/" && [ "$path" != "./" ]; do echo "$path"; path="${path%/}"; done
    echo "./"
  done | LC_ALL=C sort -u | diff -u - "$work/folders"
}

md5sums_match() {
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./md5sums > "$work/md5sums"
  (cd "$root" && md5sum --quiet -c "$work/md5sums")
  [ "$(wc -l < "$work/md5sums")" -eq "$(expected_files | wc -l)" ]
}

fully_static() {
  ! readelf -lW "$bin" | grep INTERP && ! readelf -dW "$bin" | grep NEEDED
}

check "lintian: no errors or warnings" lintian_clean
check "control fields (no Depends: the executable is static)" control_fields
check "contents: exact paths, modes and owners" contents_exact
check "md5sums cover every file" md5sums_match
check "binary has no interpreter and no NEEDED libraries" fully_static
helper_static() {
  local helper="$root/usr/lib/checkout-admin/checkout-admin-remote"
  ! readelf -lW "$helper" | grep -q INTERP && ! readelf -dW "$helper" | grep -q '(NEEDED)'
}
check "the remote helper has no interpreter and no NEEDED libraries" helper_static

# --- the binary, extracted ---------------------------------------------------------------------------------

version_text() {
  "$bin" --version | grep -Ex 'checkout-admin [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{7,40}(-dirty)?|unknown commit)\)'
}
version_json() {
  "$bin" --version --json | python3 -c '
import json, sys
document = json.load(sys.stdin)
assert sorted(document) == ["commit", "format_version", "version"], document
assert document["format_version"] == "1" and document["version"] == sys.argv[1], document
assert document["commit"] is None or isinstance(document["commit"], str), document' "$version"
}
check "--version: checkout-admin $version (commit)" version_text
check "--version --json: commit, format_version, version" version_json

# The main job, as Scripts/demo.sh runs it, on a throwaway store given with --store.
store="$work/demo/demo.sqlite"
mkdir -p "$work/demo"
demo() { "$bin" --store "$store" "$@"; }
refused() { local status=0; demo "$@" || status=$?; [ "$status" -eq 3 ] || { echo "exit $status, expected 3"; return 1; }; }
check "demo: account add" demo account add T12345678 --name "Example AS"
check "demo: settings set" demo settings set T12345678 logo_url=https://example.com/logo.png country=NO checkout_express=true
check "demo: method enable card" demo method enable T12345678 dintero_psp.creditcard --currency NOK --currency SEK
check "demo: method enable vipps" demo method enable T12345678 vipps
check "demo: profile add webshop" demo profile add T12345678 webshop --description "Norwegian web shop" \
  --method dintero_psp.creditcard --method vipps --default dintero_psp.creditcard
check "demo: profile add app" demo profile add T12345678 app --all-active --channel in_app
check "demo: payex.clicktopay refused (exit 3)" refused method enable T12345678 payex.clicktopay
check "demo: clicktopay enable" demo clicktopay enable T12345678
check "demo: clicktopay enable again" demo clicktopay enable T12345678
check "demo: clicktopay status" demo clicktopay status T12345678
check "demo: audit" demo audit
# pull runs in the helper: without credentials it is refused (exit 3) naming both ways to give them, which only
# the helper can say — so checkout-admin found /usr/lib/checkout-admin/checkout-admin-remote and ran it.
helper_runs() {
  local status=0
  env -u CHECKOUT_ADMIN_CLIENT_ID -u CHECKOUT_ADMIN_CLIENT_SECRET CHECKOUT_ADMIN_CREDENTIALS="$work/none.json" \
    "$bin" --store "$store" pull T12345678 2> "$work/pull.err" || status=$?
  [ "$status" -eq 3 ] && grep -q CHECKOUT_ADMIN_CLIENT_ID "$work/pull.err" || { echo "exit $status"; cat "$work/pull.err"; return 1; }
}
check "pull is handed to the helper in /usr/lib/checkout-admin" helper_runs
check "demo: profile export offers dintero_psp.clicktopay" \
  bash -c '"$0" --store "$1" profile export T12345678 webshop | grep -q "\"clicktopay\""' "$bin" "$store"
check "demo: account export" demo account export T12345678
check "demo: store check" demo store check

# --- the man page ------------------------------------------------------------------------------------------

man_page() {
  local page="$root/usr/share/man/man1/checkout-admin.1.gz"
  MANWIDTH=80 man --warnings -l "$page" > "$work/man.txt" 2> "$work/man.err"
  [ ! -s "$work/man.err" ] || { cat "$work/man.err"; return 1; }
  grep -q '^NAME' "$work/man.txt" && grep -q "checkout-admin $version" "$work/man.txt"
}
check "man page renders without a groff warning" man_page

# --- completions, each in its own shell --------------------------------------------------------------------

export PATH="$root/usr/bin:$PATH"
bash_sourced() {
  bash --norc --noprofile -c 'source "$1" && complete -p checkout-admin' _ \
    "$root/usr/share/bash-completion/completions/checkout-admin"
}
# bash-completion loads a command's completion on first use from <XDG_DATA_DIRS>/bash-completion/completions.
bash_autoloaded() {
  XDG_DATA_DIRS="$root/usr/share" bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    __load_completion checkout-admin && complete -p checkout-admin
    COMP_WORDS=(checkout-admin acc); COMP_CWORD=1; COMP_LINE="checkout-admin acc"; COMP_POINT=${#COMP_LINE}
    _checkout_admin checkout-admin acc checkout-admin
    printf "%s\n" "${COMPREPLY[@]}" | grep -qx "account *"'
}
zsh_loaded() {
  zsh -f -c '
    fpath=("$1" $fpath)
    autoload -Uz compinit && compinit -u -D
    [[ ${_comps[checkout-admin]} == _checkout-admin ]] || { print "compinit did not register _checkout-admin"; exit 1 }
    autoload +X _checkout-admin && (( ${+functions[_checkout-admin]} ))' _ "$root/usr/share/zsh/vendor-completions"
}
fish_sourced() {
  fish --no-config -c 'source $argv[1]; complete -C "checkout-admin acc"' \
    "$root/usr/share/fish/vendor_completions.d/checkout-admin.fish" | grep -q '^account\b'
}
# fish finds vendor completions on its own in <XDG_DATA_DIRS>/fish/vendor_completions.d.
fish_autoloaded() {
  # Not --no-config: fish's own share/config.fish is what turns XDG_DATA_DIRS into its completion path.
  XDG_DATA_DIRS="$root/usr/share" fish -c 'complete -C "checkout-admin acc"' | grep -q '^account\b'
}
check "bash: completion file registers checkout-admin" bash_sourced
check "bash: bash-completion finds it and completes 'acc' to 'account'" bash_autoloaded
check "zsh: compinit registers _checkout-admin from the vendor folder" zsh_loaded
check "fish: completion file completes 'acc' to 'account'" fish_sourced
check "fish: found in vendor_completions.d and completes 'acc'" fish_autoloaded

echo "package: checked $deb"
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
