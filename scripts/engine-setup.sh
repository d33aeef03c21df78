#!/usr/bin/env bash
# Builds the pinned Pulumi CLI (`pulumi`) and Node.js language host (`pulumi-language-nodejs`)
# from Go modules (tools/engine) into a cache outside the repository:
#   ${PLATFORM_ENGINE_CACHE:-$HOME/.cache/platform-engine}/<version>/bin
# (plus <version>/libexec/pulumi-language-nodejs-legacy, the stopgap host behind our front end).
# Needs Go and the Go module proxy; nothing else is downloaded. A second run is a cache hit.
# Then: eval "$(bash scripts/engine-env.sh)"   (see docs/engine.md)
#
# Environment:
#   PLATFORM_ENGINE_CACHE       cache root (default $HOME/.cache/platform-engine)
#   PLATFORM_ENGINE_BUILD_JOBS  Go packages compiled at once, also GOMAXPROCS (default 1)
#   PLATFORM_ENGINE_REBUILD=1   rebuild even if the cache is valid
#   GO                          go binary to use (default: go on PATH, else /usr/local/go/bin/go)
set -euo pipefail

# shellcheck source=SCRIPTDIR/../tools/engine/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tools/engine/common.sh"

log() { printf 'engine-setup: %s\n' "$*" >&2; }
die() {
  printf 'engine-setup: error: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf 'engine-setup:   %s\n' "$line" >&2; done
  exit 1
}
now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100)); }

START_MS="$(now_ms)"
STAMP="$ENGINE_DIR/inputs.sha256"

# cache_hit: the CLI, the language host front end and the legacy host behind it are present,
# were built from the current tools/engine files (inputs.sha256), and the CLI reports the pinned
# version. Needs neither Go nor the network.
cache_hit() {
  [ -x "$ENGINE_BIN/pulumi" ] && [ -x "$ENGINE_BIN/pulumi-language-nodejs" ] &&
    [ -x "$ENGINE_LIBEXEC/pulumi-language-nodejs-legacy" ] || return 1
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(engine_inputs_hash)" ] || return 1
  local printed
  printed="$(PULUMI_SKIP_UPDATE_CHECK=true PULUMI_HOME="$ENGINE_PULUMI_HOME" "$ENGINE_BIN/pulumi" version 2>/dev/null)" || return 1
  [ "$printed" = "$ENGINE_VERSION" ]
}

if [ "${PLATFORM_ENGINE_REBUILD:-0}" != 1 ] && cache_hit; then
  log "pulumi $ENGINE_VERSION ready in $ENGINE_BIN (cache hit, $(since "$START_MS"))"
  exit 0
fi

mkdir -p "$ENGINE_DIR"
# One build per cache directory at a time; a second caller waits, then usually hits the cache.
exec 9>"$ENGINE_DIR/.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
  log "another engine-setup is building $ENGINE_VERSION in $ENGINE_DIR; waiting"
  flock 9
  if [ "${PLATFORM_ENGINE_REBUILD:-0}" != 1 ] && cache_hit; then
    log "pulumi $ENGINE_VERSION ready in $ENGINE_BIN (built by the other run, $(since "$START_MS"))"
    exit 0
  fi
fi

# --- Go toolchain -------------------------------------------------------------------------
if [ -z "${GO:-}" ]; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
  elif [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go
  else
    die "go not found (neither on PATH nor /usr/local/go/bin/go)" \
      "Install Go >= $(awk '$1 == "go" { print $2; exit }' "$ENGINE_MODULE_DIR/go.mod") (https://go.dev/doc/install, or the golang-go Debian package if it is recent enough)," \
      "or point GO at a go binary: GO=/path/to/go bash scripts/engine-setup.sh"
  fi
fi
GO_HAVE="$("$GO" env GOVERSION 2>/dev/null | sed 's/^go//')" || GO_HAVE=""
GO_NEED="$(awk '$1 == "go" { print $2; exit }' "$ENGINE_MODULE_DIR/go.mod")"
if [ -z "$GO_HAVE" ]; then
  die "'$GO env GOVERSION' failed: $GO is not a working go binary" \
    "Install Go >= $GO_NEED, or point GO at one: GO=/path/to/go bash scripts/engine-setup.sh"
fi
if [ "$(printf '%s\n%s\n' "$GO_NEED" "$GO_HAVE" | sort -V | head -n1)" != "$GO_NEED" ] &&
  [ "$("$GO" env GOTOOLCHAIN)" = local ]; then
  die "go $GO_HAVE is older than the go $GO_NEED that tools/engine/go.mod needs, and GOTOOLCHAIN=local" \
    "Install Go >= $GO_NEED, or let Go fetch it from the module proxy: GOTOOLCHAIN=go$GO_NEED+auto bash scripts/engine-setup.sh"
fi

GOPROXY_NOW="$("$GO" env GOPROXY)"
case "$GOPROXY_NOW" in
  "" | off)
    die "GOPROXY is '${GOPROXY_NOW}', so Go cannot download the engine's modules" \
      "Fix: go env -u GOPROXY   (back to Go's default module proxy), or go env -w GOPROXY=<your organisation's Go module proxy>"
    ;;
esac

JOBS="${PLATFORM_ENGINE_BUILD_JOBS:-1}"
case "$JOBS" in '' | *[!0-9]* | 0) die "PLATFORM_ENGINE_BUILD_JOBS must be a positive integer, not '$JOBS'" ;; esac
export GOMAXPROCS="$JOBS"
export CGO_ENABLED=0
# Our go.mod/go.sum are complete: never rewrite them, never consult the checksum database for
# modules they already pin.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=readonly"

log "building pulumi $ENGINE_VERSION + Node.js language host into $ENGINE_BIN"
log "go $GO_HAVE, GOPROXY=$GOPROXY_NOW, jobs=$JOBS (PLATFORM_ENGINE_BUILD_JOBS), CGO_ENABLED=0"

# --- Modules ------------------------------------------------------------------------------
download() { # MODULE_DIR
  local t0 out
  t0="$(now_ms)"
  out="$(mktemp)"
  if ! (cd "$1" && "$GO" mod download) >"$out" 2>&1; then
    local hint="Check that GOPROXY ($GOPROXY_NOW) is reachable from this machine (an HTTPS_PROXY may be needed), then rerun."
    if grep -qE '403|404|410|not available|not found|unknown revision' "$out"; then
      hint="The proxy ($GOPROXY_NOW) does not serve a pinned module version; see 'Bumping' in docs/engine.md for choosing versions it serves."
    fi
    tail -n 15 "$out" | sed 's/^/engine-setup:   /' >&2
    rm -f "$out"
    die "'go mod download' failed in ${1#"$PWD"/}" "$hint"
  fi
  rm -f "$out"
  log "modules for ${1##*/tools/} ready ($(since "$t0"))"
}
download "$ENGINE_MODULE_DIR"
download "$ENGINE_MODULE_DIR/language-nodejs"

# --- Build --------------------------------------------------------------------------------
STAGING="$(mktemp -d "$ENGINE_DIR/.staging.XXXXXX")"
trap 'rm -rf "$STAGING"' EXIT

build() { # OUTPUT MODULE_DIR PACKAGE VERSION
  local output="$1" dir="$2" pkg="$3" version="$4" name t0
  name="${output##*/}"
  t0="$(now_ms)"
  log "building $name ($pkg, version $version)"
  (cd "$dir" && "$GO" build -p "$JOBS" -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$output" "$pkg") ||
    die "building $name failed (see the go output above)" \
      "With too little memory, retry with PLATFORM_ENGINE_BUILD_JOBS=1; to start from scratch: go clean -cache"
  log "built $name in $(since "$t0") ($(du -m "$output" | cut -f1) MB)"
}
tool_package() { # MODULE_DIR NAME: the `tool` line of MODULE_DIR/go.mod that ends in /NAME[/vN]
  local pkg
  pkg="$(awk -v n="$2" '$1 == "tool" && $2 ~ ("/" n "(/v[0-9]+)?$") { print $2; exit }' "$1/go.mod")"
  [ -n "$pkg" ] || die "no 'tool .../$2' line in $1/go.mod"
  printf '%s\n' "$pkg"
}

LEGACY_DIR="$ENGINE_MODULE_DIR/language-nodejs"
# (assignments, so that a failing tool_package stops the script under set -e)
CLI_PACKAGE="$(tool_package "$ENGINE_MODULE_DIR" pulumi)"
LEGACY_PACKAGE="$(tool_package "$LEGACY_DIR" pulumi-language-nodejs)"
LEGACY_VERSION="$(engine_required_version "$LEGACY_DIR/go.mod" github.com/pulumi/pulumi/sdk/v3)"

build "$STAGING/pulumi" "$ENGINE_MODULE_DIR" "$CLI_PACKAGE" "$ENGINE_VERSION"
# Our front end for the Node.js language host (tools/engine/cmd/pulumi-language-nodejs) ...
build "$STAGING/pulumi-language-nodejs" "$ENGINE_MODULE_DIR" ./cmd/pulumi-language-nodejs "$ENGINE_VERSION"
# ... and the legacy host it forwards to (docs/engine.md, "Node.js language host").
build "$STAGING/pulumi-language-nodejs-legacy" "$LEGACY_DIR" "$LEGACY_PACKAGE" "$LEGACY_VERSION"

PRINTED="$(PULUMI_SKIP_UPDATE_CHECK=true PULUMI_HOME="$ENGINE_PULUMI_HOME" "$STAGING/pulumi" version)" ||
  die "the freshly built pulumi does not run ('pulumi version' failed)"
[ "$PRINTED" = "$ENGINE_VERSION" ] ||
  die "the freshly built pulumi reports '$PRINTED', expected '$ENGINE_VERSION'"

mkdir -p "$ENGINE_BIN" "$ENGINE_LIBEXEC" "$ENGINE_PULUMI_HOME"
rm -f "$STAMP"
mv -f "$STAGING/pulumi-language-nodejs-legacy" "$ENGINE_LIBEXEC/"
mv -f "$STAGING/pulumi" "$STAGING/pulumi-language-nodejs" "$ENGINE_BIN/"
engine_inputs_hash >"$STAMP"
log "pulumi $ENGINE_VERSION ready in $ENGINE_BIN (built in $(since "$START_MS"))"
log "next: eval \"\$(bash scripts/engine-env.sh)\""
