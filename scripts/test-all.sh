#!/usr/bin/env bash
# The one test command (README): from a fresh Debian machine with only its stock Node, get
# Node 24, install the Debian packages, install npm dependencies, typecheck, lint, start the
# Samba test domain controller, and run every test suite (unit, property, integration, CLI),
# then the console in Chromium (Playwright against the built renderer, e2e/renderer), the
# desktop app's security gates and package check, and the desktop app in Electron
# (e2e/electron; reported as NOT RUN, neither passed nor failed, where no Electron binary exists).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
# shellcheck source=scripts/ensure-node.sh
source scripts/ensure-node.sh
bash scripts/install-system-packages.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund --loglevel=error
echo "== typecheck" && npx tsc -b
echo "== lint" && npx eslint --max-warnings=0 .
echo "== format"
# Its own line: inside `a && b && echo`, a failing check would not stop the run (set -e spares
# every command of an && list but the last), and a misformatted file once passed unnoticed.
npx prettier --check --log-level=warn .
echo "prettier: every file formatted (npm run format rewrites them)"
echo "== test domain controller" && node e2e/ad/ad-up.ts | tail -n 1
mkdir -p .cache
echo "== tests (unit + integration)"
status=0
npx vitest run --reporter=default --reporter=json --outputFile=.cache/test-results.json || status=$?
node scripts/print-test-summary.ts .cache/test-results.json || status=1
echo "== console in Chromium"
# A stale report must never stand in for a run that did not happen.
rm -f .cache/e2e-results.json
e2e_status=0
{ npm run --silent build:renderer && E2E_RENDERER_PREBUILT=1 npx playwright test --config e2e/renderer/playwright.config.ts; } || e2e_status=$?
node e2e/renderer/e2e-summary.ts .cache/e2e-results.json || e2e_status=1
[ "$e2e_status" -eq 0 ] || status=1
# The test clusters hold fixed ports (55432, 55437): stopped once the last suite that uses them (the
# consoles' live changes across two nodes) is done, so that no cluster of this checkout blocks a
# later run from another one (the DC, by contrast, replaces a stray one by itself).
node e2e/postgres/pg-down.ts || status=1
echo "== desktop app: security gates and package"
node tooling/insecure-settings-gate.ts || status=1
node tooling/electronegativity-gate.ts || status=1
node tooling/package/check-package.ts || status=1
echo "== desktop app in Electron"
rm -f .cache/e2e-electron.log
node e2e/electron/run.ts | tee .cache/e2e-electron.log || status=1
# The not-run line is repeated last so that nobody reads the closing lines as "everything ran".
grep -h '^e2e/electron: NOT RUN' .cache/e2e-electron.log || true
echo "test-all: finished in $((SECONDS - started)) s"
exit "$status"
