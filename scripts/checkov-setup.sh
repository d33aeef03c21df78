#!/usr/bin/env bash
# Installs the pinned Checkov from PyPI into a virtual environment outside the repository:
#   ${PLATFORM_ENGINE_CACHE:-$HOME/.cache/platform-engine}/tools/checkov/bin/checkov
# The install is kept and reused; it is redone only when CHECKOV_VERSION below changes (the
# folder's version file says what is installed). tests/src/checkov-parity.test.ts runs this
# Checkov over every environment's export (platform export --format tfplan).
#
# Usage: bash scripts/checkov-setup.sh
# Environment: PLATFORM_ENGINE_CACHE, PYTHON (default python3; Checkov 3.3 needs Python 3.9 to 3.12)
set -euo pipefail

CHECKOV_VERSION="3.3.30"

CACHE_ROOT="${PLATFORM_ENGINE_CACHE:-${HOME:?HOME is not set}/.cache/platform-engine}"
DIR="$CACHE_ROOT/tools/checkov"
PYTHON="${PYTHON:-python3}"

log() { printf 'checkov-setup: %s\n' "$*" >&2; }
die() {
  printf 'checkov-setup: error: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf 'checkov-setup:   %s\n' "$line" >&2; done
  exit 1
}
now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100)); }

start="$(now_ms)"
if [ -x "$DIR/bin/checkov" ] && [ "$(cat "$DIR/version" 2>/dev/null)" = "$CHECKOV_VERSION" ]; then
  log "checkov $CHECKOV_VERSION already installed in $DIR ($(since "$start"))"
  exit 0
fi
command -v "$PYTHON" >/dev/null || die "$PYTHON not found" "Fix: install Python 3.9-3.12, or set PYTHON to one"
"$PYTHON" -c 'import sys; sys.exit(0 if (3, 9) <= sys.version_info[:2] <= (3, 12) else 1)' ||
  die "$("$PYTHON" --version 2>&1) is not one Checkov $CHECKOV_VERSION supports" "Fix: set PYTHON to a Python 3.9-3.12"

# A fresh venv in a staging folder, moved into place only when complete: an interrupted install
# never leaves a half-made Checkov that the version file would vouch for.
rm -rf "$DIR.staging"
mkdir -p "$(dirname "$DIR")"
"$PYTHON" -m venv "$DIR.staging" || die "python -m venv failed" "Fix: install the venv module (Debian: apt-get install python3-venv)"
"$DIR.staging/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "checkov==$CHECKOV_VERSION" ||
  die "pip install checkov==$CHECKOV_VERSION failed" "Fix: check that PyPI is reachable, then rerun bash scripts/checkov-setup.sh"
# The venv's scripts name the staging folder in their #! line: rewrite them for the final place.
grep -rlI --null "$DIR.staging" "$DIR.staging/bin" | xargs -0 -r sed -i "s|$DIR.staging|$DIR|g"
echo "$CHECKOV_VERSION" >"$DIR.staging/version"
rm -rf "$DIR"
mv "$DIR.staging" "$DIR"
"$DIR/bin/checkov" --version >/dev/null || die "the installed checkov does not start" "Fix: rm -rf $DIR and rerun"
log "installed checkov $CHECKOV_VERSION into $DIR ($(since "$start"))"
