# shellcheck shell=bash
# The project's Node.js (bash; sourced by setup.sh and engine-env.sh, not run).
#
# One source for the version: `use-node-version` in .npmrc. pnpm runs every script with that Node
# and keeps it in <pnpm home>/nodejs/<version>; these helpers find that folder and seed it from the
# npm registry (the node-<os>-<cpu> packages hold the official distribution), because pnpm's own
# download comes from nodejs.org, which may be unreachable (it is on the CI machines).

_node_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# npm outside the repository, whose .npmrc holds pnpm-only settings npm would warn about.
_npm_outside() { (cd "${TMPDIR:-/tmp}" && npm "$@"); }

# project_node_version: the version pinned in .npmrc (e.g. 24.22.3).
project_node_version() {
  local version
  version="$(sed -n 's/^use-node-version=//p' "$_node_env_root/.npmrc")"
  if [ -z "$version" ]; then
    echo "node-env: .npmrc has no use-node-version=<version> line" >&2
    return 1
  fi
  printf '%s\n' "$version"
}

# pnpm_home: where pnpm keeps its Node versions (pnpm's own rule: PNPM_HOME, XDG_DATA_HOME/pnpm,
# ~/Library/pnpm on macOS, ~/.local/share/pnpm elsewhere).
pnpm_home() {
  if [ -n "${PNPM_HOME:-}" ]; then printf '%s\n' "$PNPM_HOME"
  elif [ -n "${XDG_DATA_HOME:-}" ]; then printf '%s\n' "$XDG_DATA_HOME/pnpm"
  elif [ "$(uname -s)" = Darwin ]; then printf '%s\n' "$HOME/Library/pnpm"
  else printf '%s\n' "$HOME/.local/share/pnpm"
  fi
}

# project_node_bin: the bin folder of the project's Node (it may not exist yet).
project_node_bin() {
  printf '%s/nodejs/%s/bin\n' "$(pnpm_home)" "$(project_node_version)"
}

# project_node_seed: makes sure the project's Node is where pnpm looks for it. A no-op when it is
# there; otherwise unpacks node-<os>-<cpu>@<version> from the npm registry. On a platform without
# such a package it leaves the download to pnpm (which needs nodejs.org).
project_node_seed() {
  local version dir os cpu pkg staging
  version="$(project_node_version)" || return 1
  dir="$(pnpm_home)/nodejs/$version"
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    echo "node-env: Node.js $version ready in $dir"
    return 0
  fi
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os="" ;; esac
  case "$(uname -m)" in x86_64 | amd64) cpu=x64 ;; aarch64 | arm64) cpu=arm64 ;; *) cpu="" ;; esac
  pkg="node-$os-$cpu@$version"
  if [ -z "$os" ] || [ -z "$cpu" ] || ! _npm_outside view "$pkg" version >/dev/null 2>&1; then
    echo "node-env: no $pkg on the npm registry; pnpm will download Node.js $version from nodejs.org"
    return 0
  fi
  echo "node-env: installing Node.js $version from the npm registry ($pkg) into $dir"
  mkdir -p "$(dirname "$dir")"
  staging="$(mktemp -d "$(dirname "$dir")/.staging.XXXXXX")"
  if ! (cd "$staging" && npm pack --silent "$pkg" >/dev/null && tar -xzf ./*.tgz --strip-components=1 && rm -f ./*.tgz); then
    rm -rf "$staging"
    echo "node-env: could not fetch $pkg from the npm registry (npm pack failed); check the registry in ~/.npmrc" >&2
    return 1
  fi
  if [ "$("$staging/bin/node" --version 2>/dev/null)" != "v$version" ]; then
    rm -rf "$staging"
    echo "node-env: $pkg did not unpack a working bin/node" >&2
    return 1
  fi
  rm -rf "$dir"
  mv "$staging" "$dir"
}
