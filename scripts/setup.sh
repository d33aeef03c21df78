#!/usr/bin/env bash
# Fresh-machine setup: pnpm (pinned), dependencies from the lockfile, and a full build.
# Needs Node.js 20+ and the npm registry; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION" >&2
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >&2
fi
echo "setup: installing dependencies (frozen lockfile)" >&2
pnpm install --frozen-lockfile --reporter=append-only >&2
echo "setup: building (TypeScript 7, tsc -b)" >&2
pnpm -s build >&2
echo "setup: done" >&2
