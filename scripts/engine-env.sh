#!/usr/bin/env bash
# Prints `export` lines that put the pinned engine built by scripts/engine-setup.sh first on
# PATH and keep Pulumi offline and out of ~/.pulumi:
#   eval "$(bash scripts/engine-env.sh)"
# Warns on stderr (and still prints) when the engine has not been built yet.
set -euo pipefail

# shellcheck source=../tools/engine/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tools/engine/common.sh"

if [ ! -x "$ENGINE_BIN/pulumi" ] || [ ! -x "$ENGINE_BIN/pulumi-language-nodejs" ]; then
  echo "engine-env: $ENGINE_BIN has no pulumi build yet; run: bash scripts/engine-setup.sh" >&2
fi

# PATH with the engine first and no earlier copy of it, so repeated evals do not grow it.
path_rest="$(printf '%s' "${PATH:-}" | tr ':' '\n' | grep -vxF "$ENGINE_BIN" | paste -sd: -)" || path_rest=""
printf 'export PATH=%q\n' "$ENGINE_BIN${path_rest:+:$path_rest}"
printf 'export PULUMI_HOME=%q\n' "$ENGINE_PULUMI_HOME"
echo 'export PULUMI_SKIP_UPDATE_CHECK=true'
echo 'export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true'
# The passphrase secrets provider of local (file://) backends needs one; this default protects
# nothing and is only for throwaway local state. An existing value (even empty) or a
# passphrase file wins.
if [ -z "${PULUMI_CONFIG_PASSPHRASE+set}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
  echo "export PULUMI_CONFIG_PASSPHRASE=local-dev-only"
fi
