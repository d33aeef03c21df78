#!/usr/bin/env bash
# Fresh-machine setup: Node.js 24 for the project, pnpm (pinned), dependencies from the lockfile,
# and a full build. Needs a Node.js (any version pnpm 10 runs on, 18+) and the npm registry;
# nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=SCRIPTDIR/node-env.sh
source scripts/node-env.sh

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION" >&2
  _npm_outside install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >&2
fi

# .npmrc `use-node-version` makes pnpm run every script (and check `engines`) with the project's
# Node.js, whatever Node runs pnpm itself. pnpm keeps that Node in <pnpm home>/nodejs/<version>
# and would fetch it from nodejs.org; seed it from the npm registry instead (node-<os>-<cpu>
# packages carry the same distribution), so setup needs no other download.
project_node_seed >&2

echo "setup: installing dependencies (frozen lockfile)" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2
echo "setup: building (TypeScript 7, tsc -b)" >&2
pnpm -s build >&2
echo "setup: done (Node.js $(project_node_version) for every pnpm script: $(project_node_bin)/node)" >&2
