# shellcheck shell=bash disable=SC2034  # variables are for the scripts that source this file
# Shared by scripts/engine-setup.sh and scripts/engine-env.sh (bash; sourced, not run).
# Everything is derived from the go.mod files beside this file, so bumping the engine is a
# go.mod change only (docs/engine.md).

ENGINE_MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# engine_required_version GO_MOD MODULE_PATH: the version GO_MOD requires for MODULE_PATH.
engine_required_version() {
  awk -v m="$2" '
    $1 == "require" && $2 == m { print $3; exit }
    $1 == m && $2 ~ /^v/ { print $2; exit }
  ' "$1"
}

ENGINE_VERSION="$(engine_required_version "$ENGINE_MODULE_DIR/go.mod" github.com/pulumi/pulumi/pkg/v3)"
if [ -z "$ENGINE_VERSION" ]; then
  echo "engine: cannot read the github.com/pulumi/pulumi/pkg/v3 version from $ENGINE_MODULE_DIR/go.mod" >&2
  return 1
fi

ENGINE_CACHE_ROOT="${PLATFORM_ENGINE_CACHE:-${HOME:?HOME is not set}/.cache/platform-engine}"
ENGINE_DIR="$ENGINE_CACHE_ROOT/$ENGINE_VERSION"
ENGINE_BIN="$ENGINE_DIR/bin"
# Helpers that must not be on PATH (the legacy language host behind bin/pulumi-language-nodejs).
ENGINE_LIBEXEC="$ENGINE_DIR/libexec"
# One Pulumi home (plugins, logins, workspace settings) for every engine version in this cache.
ENGINE_PULUMI_HOME="$ENGINE_CACHE_ROOT/pulumi-home"

# engine_inputs_hash: fingerprint of the files that decide what gets built (go.mod/go.sum, and
# the source of our own language host front end).
engine_inputs_hash() {
  (cd "$ENGINE_MODULE_DIR" &&
    cat go.mod go.sum language-nodejs/go.mod language-nodejs/go.sum cmd/pulumi-language-nodejs/*.go) |
    sha256sum | cut -d' ' -f1
}
