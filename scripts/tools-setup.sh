#!/usr/bin/env bash
# Builds the pinned Go command-line tools of the repository (promtool, amtool, opa, actionlint,
# the real kubernetes provider, ...) from Go modules into a cache outside the repository, all at
# once in parallel (one Go job each unless PLATFORM_ENGINE_BUILD_JOBS says otherwise):
#   ${PLATFORM_ENGINE_CACHE:-$HOME/.cache/platform-engine}/tools/<name>/bin/<binary>
# Each tool is a folder tools/<name>/ holding a go.mod (module platform.local/tools/<name>, its
# `tool` lines name the packages to build, its `require` pins the version) and go.sum, and
# optionally:
#   ldflags    extra -ldflags (e.g. the version the binary reports)
#   tags       build tags, one line (e.g. promtool's remove_all_sd: no service discovery SDKs)
#   build.sh   a build of its own: `bash build.sh <output bin dir>`, run in a staging copy of the
#              folder with GO, JOBS, GCFLAGS and GOFLAGS set (for modules that need a generate step)
# A tool is rebuilt only when a file of its folder changed (tools/<name>/... -> inputs.sha256).
# tools/engine is the Pulumi CLI, built by scripts/engine-setup.sh.
#
# Usage: bash scripts/tools-setup.sh [name ...]      (default: every tools/* but engine)
# Environment: PLATFORM_ENGINE_CACHE, PLATFORM_ENGINE_BUILD_JOBS (default 1), GO (as engine-setup),
#   PLATFORM_TOOLS_GCFLAGS (default "all=-N -l"; set it empty for optimized binaries)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_ROOT="${PLATFORM_ENGINE_CACHE:-${HOME:?HOME is not set}/.cache/platform-engine}"
TOOLS_CACHE="$CACHE_ROOT/tools"

log() { printf 'tools-setup: %s\n' "$*" >&2; }
die() {
  printf 'tools-setup: error: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf 'tools-setup:   %s\n' "$line" >&2; done
  exit 1
}
now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100)); }

# inputs_hash NAME: fingerprint of every file in tools/NAME (what decides the build).
inputs_hash() {
  (cd "$ROOT/tools/$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}
# binaries NAME: the binary names of the `tool` lines of tools/NAME/go.mod (last path element,
# a /vN suffix dropped).
binaries() {
  awk '$1 == "tool" { n = split($2, p, "/"); b = p[n]; if (b ~ /^v[0-9]+$/ && n > 1) b = p[n - 1]; print b }' "$ROOT/tools/$1/go.mod"
}
cache_hit() { # NAME
  local dir="$TOOLS_CACHE/$1" b
  [ -f "$dir/inputs.sha256" ] && [ "$(cat "$dir/inputs.sha256")" = "$(inputs_hash "$1")" ] || return 1
  for b in $(binaries "$1"); do [ -x "$dir/bin/$b" ] || return 1; done
}

if [ "$#" -gt 0 ]; then
  NAMES=("$@")
else
  NAMES=()
  for d in "$ROOT"/tools/*/; do
    n="$(basename "$d")"
    [ "$n" = engine ] || [ ! -f "$d/go.mod" ] || NAMES+=("$n")
  done
fi
for n in "${NAMES[@]}"; do
  [ -f "$ROOT/tools/$n/go.mod" ] || die "tools/$n/go.mod does not exist" "Fix: name a folder under tools/ that has a go.mod: $(cd "$ROOT/tools" && ls -d -- */ | tr -d / | grep -vx engine | paste -sd' ' -)"
done

START_MS="$(now_ms)"
TODO=()
for n in "${NAMES[@]}"; do
  if [ "${PLATFORM_ENGINE_REBUILD:-0}" != 1 ] && cache_hit "$n"; then
    log "$n ready in $TOOLS_CACHE/$n/bin (cache hit)"
  else
    TODO+=("$n")
  fi
done
[ "${#TODO[@]}" -gt 0 ] || exit 0

if [ -z "${GO:-}" ]; then
  if command -v go >/dev/null 2>&1; then GO="$(command -v go)"
  elif [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go
  else die "go not found (neither on PATH nor /usr/local/go/bin/go)" "Install Go, or point GO at a go binary"
  fi
fi
export GO
JOBS="${PLATFORM_ENGINE_BUILD_JOBS:-1}"
case "$JOBS" in '' | *[!0-9]* | 0) die "PLATFORM_ENGINE_BUILD_JOBS must be a positive integer, not '$JOBS'" ;; esac
# The tools are compiled without optimizations or inlining: they run for seconds in tests, and a
# cold build (the CI case) costs about a quarter less CPU (actionlint: 25 s -> 19 s user).
GCFLAGS="${PLATFORM_TOOLS_GCFLAGS-all=-N -l}"
export JOBS GCFLAGS GOMAXPROCS="$JOBS" CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=readonly"

mkdir -p "$TOOLS_CACHE"
STAGING="$(mktemp -d "$TOOLS_CACHE/.staging.XXXXXX")"
trap 'rm -rf "$STAGING"' EXIT

# build_one NAME: download, build into $STAGING/NAME/bin, then move into the cache (under a lock,
# so two concurrent setups never interleave their copies).
build_one() {
  local n="$1" t0 src out b pkg ldflags
  t0="$(now_ms)"
  src="$STAGING/$n/src"
  out="$STAGING/$n/bin"
  mkdir -p "$out"
  cp -R "$ROOT/tools/$n" "$src"
  # No `go mod download`: it would fetch every module of the graph, also those only other build
  # tags need (promtool's service discovery SDKs); go build fetches what it compiles.
  if [ -f "$src/build.sh" ]; then
    (cd "$src" && bash build.sh "$out") || return 1
  else
    ldflags="-s -w"
    [ ! -f "$src/ldflags" ] || ldflags="$ldflags $(tr '\n' ' ' <"$src/ldflags")"
    tags=""
    [ ! -f "$src/tags" ] || tags="$(tr '\n' ',' <"$src/tags" | sed 's/,*$//')"
    while read -r b pkg; do
      (cd "$src" && "$GO" build -p "$JOBS" -trimpath -gcflags "$GCFLAGS" -tags "$tags" -ldflags "$ldflags" -o "$out/$b" "$pkg") || return 1
    done < <(paste <(binaries "$n") <(awk '$1 == "tool" { print $2 }' "$src/go.mod"))
  fi
  for b in $(binaries "$n"); do [ -x "$out/$b" ] || { echo "tools/$n: the build made no $b"; return 1; }; done
  (
    flock 8
    rm -rf "$TOOLS_CACHE/$n"
    mkdir -p "$TOOLS_CACHE/$n"
    mv "$out" "$TOOLS_CACHE/$n/bin"
    inputs_hash "$n" >"$TOOLS_CACHE/$n/inputs.sha256"
  ) 8>"$TOOLS_CACHE/.lock"
  echo "built $(binaries "$n" | paste -sd' ' -) in $(since "$t0")"
}

log "building ${TODO[*]} in parallel (go $("$GO" env GOVERSION), jobs=$JOBS each) into $TOOLS_CACHE"
declare -A PIDS
for n in "${TODO[@]}"; do
  build_one "$n" >"$STAGING/$n.log" 2>&1 &
  PIDS[$n]=$!
done
FAILED=()
for n in "${TODO[@]}"; do
  if wait "${PIDS[$n]}"; then
    log "$n: $(tail -n 1 "$STAGING/$n.log")"
  else
    tail -n 20 "$STAGING/$n.log" | sed "s/^/tools-setup: $n: /" >&2
    FAILED+=("$n")
  fi
done
[ "${#FAILED[@]}" -eq 0 ] ||
  die "building ${FAILED[*]} failed (see the go output above)" \
    "With too little memory, retry with PLATFORM_ENGINE_BUILD_JOBS=1; to start from scratch: go clean -cache"
log "tools ready in $TOOLS_CACHE ($(since "$START_MS"))"
