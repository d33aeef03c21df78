#!/usr/bin/env bash
# Prints `export` lines that put the pinned engine built by scripts/engine-setup.sh first on
# PATH, the simulated cloud's provider plugins (pulumi-resource-aws / -gcp / -kubernetes) next, keep Pulumi
# offline and out of ~/.pulumi, and point it at a local file backend under .state/:
#   eval "$(bash scripts/engine-env.sh)"      (or: eval "$(pnpm -s engine:env)")
# After that, plain `pulumi` commands rehearse against the SIMULATED cloud: nothing is created in
# AWS or GCP. Open a new shell (or unset these variables) to talk to a real account again.
# `pulumi` on PATH is then scripts/shims/pulumi: in a checked-in stack project it runs the pinned
# CLI in the project's staged copy under .state/workspaces/<project>/, so the CLI never writes an
# encryptionsalt or secrets into a checked-in Pulumi.<env>.yaml (see that script).
# Warns on stderr (and still prints) when the engine has not been built yet.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../tools/engine/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tools/engine/common.sh"
# shellcheck source=SCRIPTDIR/node-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/node-env.sh"

if [ ! -x "$ENGINE_BIN/pulumi" ] || [ ! -x "$ENGINE_BIN/pulumi-language-nodejs" ]; then
  echo "engine-env: $ENGINE_BIN has no pulumi build yet; run: bash scripts/engine-setup.sh" >&2
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The language host runs programs and policy packs with the `node` on PATH: the project's Node.js.
NODE_BIN="$(project_node_bin)"
if [ ! -x "$NODE_BIN/node" ]; then
  echo "engine-env: the project's Node.js is not in $NODE_BIN yet; run: bash scripts/setup.sh" >&2
fi
SIMULATED_CLOUD_BIN="$REPO_ROOT/packages/simulated-cloud/bin"
SHIM_BIN="$REPO_ROOT/scripts/shims"
if [ ! -f "$REPO_ROOT/packages/simulated-cloud/dist/src/main.js" ]; then
  echo "engine-env: the simulated cloud is not compiled yet; run: pnpm build" >&2
fi
STATE_ROOT="${PLATFORM_STATE_DIR:-$REPO_ROOT/.state}"
mkdir -p "$STATE_ROOT/backend"
STATE_ROOT="$(cd "$STATE_ROOT" && pwd)"

# PATH with the pulumi shim, the engine and the simulated plugins first and no earlier copy of
# them, so repeated evals do not grow it.
path_rest="$(printf '%s' "${PATH:-}" | tr ':' '\n' | grep -vxF -e "$SHIM_BIN" -e "$ENGINE_BIN" -e "$SIMULATED_CLOUD_BIN" -e "$NODE_BIN" | paste -sd: -)" || path_rest=""
printf 'export PATH=%q\n' "$SHIM_BIN:$ENGINE_BIN:$SIMULATED_CLOUD_BIN:$NODE_BIN${path_rest:+:$path_rest}"
# The pinned CLI itself, for the shim and for @platform/automation.
printf 'export PLATFORM_ENGINE_PULUMI=%q\n' "$ENGINE_BIN/pulumi"
# Its version, the one it is built from (engine-setup.sh builds $ENGINE_BIN from this go.mod pin):
# the Automation API's launcher answers `pulumi version` with it instead of starting the engine.
printf 'export PLATFORM_ENGINE_VERSION=%q\n' "$ENGINE_VERSION"
# One state folder for the backend and the staged workspaces, whoever runs next (platform or pulumi).
printf 'export PLATFORM_STATE_DIR=%q\n' "$STATE_ROOT"
printf 'export PULUMI_BACKEND_URL=%q\n' "file://$STATE_ROOT/backend"
printf 'export PULUMI_HOME=%q\n' "$ENGINE_PULUMI_HOME"
echo 'export PULUMI_SKIP_UPDATE_CHECK=true'
echo 'export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true'
# Node.js's module compile cache for every Node.js process the engine starts (program, policy
# packs, simulated plugins): compiled code is reused instead of compiling the SDKs' thousands of
# modules again in each process. Node's own default folder; an existing value wins, and
# NODE_DISABLE_COMPILE_CACHE=1 turns it off. Never the `platform` process's folder (its entries
# slowed the next programs): packages/automation/src/cli/compile-cache-dir.ts.
printf 'export NODE_COMPILE_CACHE=%q\n' "${NODE_COMPILE_CACHE:-${TMPDIR:-/tmp}/node-compile-cache}"
# THE LOCAL PASSPHRASE IS FOR THE THROWAWAY LOCAL BACKEND ONLY. The passphrase secrets provider of
# a local (file://) backend needs one; this one is published in this file, so it protects nothing:
# it exists so that the simulated state under .state/ can be written without a prompt. Never use
# it for a real stack, and never let a secret encrypted with it reach a checked-in file (the shim
# keeps pulumi out of checked-in stack projects for that reason). An existing value (even empty) or
# a passphrase file wins.
if [ -z "${PULUMI_CONFIG_PASSPHRASE+set}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
  echo "export PULUMI_CONFIG_PASSPHRASE=local-dev-only"
  echo "engine-env: PULUMI_CONFIG_PASSPHRASE=local-dev-only is a published passphrase for the throwaway simulated state in $STATE_ROOT only" >&2
fi
