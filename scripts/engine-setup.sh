#!/usr/bin/env bash
# Builds the pinned Pulumi CLI (`pulumi`) and Node.js language host (`pulumi-language-nodejs`)
# from Go modules (tools/engine) into a cache outside the repository:
#   ${PLATFORM_ENGINE_CACHE:-$HOME/.cache/platform-engine}/<version>/bin
# Needs Go and the Go module proxy; nothing else is downloaded. A second run is a cache hit.
# Then: eval "$(bash scripts/engine-env.sh)"   (see docs/engine.md)
#
# Environment:
#   PLATFORM_ENGINE_CACHE       cache root (default $HOME/.cache/platform-engine)
#   PLATFORM_ENGINE_BUILD_JOBS  Go packages compiled at once, also GOMAXPROCS (default 1)
#   PLATFORM_ENGINE_REBUILD=1   rebuild even if the cache is valid
#   GO                          go binary to use (default: go on PATH, else /usr/local/go/bin/go)
set -euo pipefail

# shellcheck source=../tools/engine/common.sh
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

# cache_hit: both binaries present, built from the current go.mod/go.sum, and the CLI reports
# the pinned version. Needs neither Go nor the network.
cache_hit() {
  [ -x "$ENGINE_BIN/pulumi" ] && [ -x "$ENGINE_BIN/pulumi-language-nodejs" ] || return 1
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
  die "$GO does not run ('$GO env GOVERSION' failed)"
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
      "Fix: go env -w GOPROXY=https://proxy.golang.org,direct   (or your organisation's Go module proxy)"
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
    tail -n 15 "$out" | sed 's/^/engine-setup:   go: /' >&2
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

build() { # NAME MODULE_DIR VERSION
  local name="$1" dir="$2" version="$3" pkg t0
  pkg="$(awk -v n="$name" '$1 == "tool" && $2 ~ ("/" n "$") { print $2; exit }' "$dir/go.mod")"
  [ -n "$pkg" ] || die "no 'tool .../$name' line in $dir/go.mod"
  t0="$(now_ms)"
  log "building $name $version ($pkg)"
  (cd "$dir" && "$GO" build -p "$JOBS" -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$STAGING/$name" "$pkg") ||
    die "building $name failed (see the go output above)" \
      "With too little memory, retry with PLATFORM_ENGINE_BUILD_JOBS=1; to start from scratch: go clean -cache"
  log "built $name in $(since "$t0") ($(du -m "$STAGING/$name" | cut -f1) MB)"
}
build pulumi "$ENGINE_MODULE_DIR" "$ENGINE_VERSION"
build pulumi-language-nodejs "$ENGINE_MODULE_DIR/language-nodejs" \
  "$(engine_required_version "$ENGINE_MODULE_DIR/language-nodejs/go.mod" github.com/pulumi/pulumi/sdk/v3)"

PRINTED="$(PULUMI_SKIP_UPDATE_CHECK=true PULUMI_HOME="$ENGINE_PULUMI_HOME" "$STAGING/pulumi" version)" ||
  die "the freshly built pulumi does not run ('pulumi version' failed)"
[ "$PRINTED" = "$ENGINE_VERSION" ] ||
  die "the freshly built pulumi reports '$PRINTED', expected '$ENGINE_VERSION'"

mkdir -p "$ENGINE_BIN" "$ENGINE_PULUMI_HOME"
rm -f "$STAMP"
mv -f "$STAGING/pulumi" "$STAGING/pulumi-language-nodejs" "$ENGINE_BIN/"
engine_inputs_hash >"$STAMP"
log "pulumi $ENGINE_VERSION ready in $ENGINE_BIN (built in $(since "$START_MS"))"
log "next: eval \"\$(bash scripts/engine-env.sh)\""
