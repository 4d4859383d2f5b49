#!/usr/bin/env bash
# `npm start` (README): from a fresh clone, one command. Gets Node 24 (scripts/ensure-node.sh),
# runs `npm ci` when node_modules is missing or older than package-lock.json, then
# tooling/electron/start.ts: Electron (a local one named by ELECTRON_OVERRIDE_DIST_PATH /
# ELECTRON_DIST / ELECTRON_EXEC_PATH, or the electron package's own download), then
# `electron-vite preview --entry app` (build, then open the console). Arguments after
# `npm start --` go to electron-vite.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-node.sh
source scripts/ensure-node.sh
# npm writes node_modules/.package-lock.json on every install: older than the lockfile (or
# missing) means the dependencies are not the ones the lockfile pins.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "start: installing the dependencies (npm ci)" >&2
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
exec node tooling/electron/start.ts "$@"
