// Patch postgres.js 3.4.10 against a crash on a lost connection (npm `postinstall`).
//
// postgres.js defers small writes with setImmediate. When the connection closes before that
// callback runs, `closed()` sets the socket to null and the callback calls `null.write`: an
// exception no caller can catch, so the whole node dies. A database failover does exactly this
// (seen in e2e/high-availability; upstream porsager/postgres#1066, #1154, #1208, fix proposed in
// #1168, not released). Teardown also clears the timer without forgetting it, so a reused
// connection could never flush again. The patch makes nextWrite skip a closed socket and resets
// the write state on close. It checks the version and the exact text it replaces, and refuses
// loudly when either differs, so an upgrade cannot silently drop or misapply it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PATCHED_VERSION = '3.4.10';
const MARKER = '/* rms-connector-admin: guarded nextWrite */';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');

const REPLACEMENTS = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    ${MARKER}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  [
    "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)\n    socket.removeListener('connect', connected)\n    idleTimer.cancel()",
    "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)\n    socket.removeListener('connect', connected)\n    idleTimer.cancel()",
  ],
];

let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
} catch {
  // postgres is not installed (a partial install): nothing to patch.
  process.exit(0);
}
if (manifest.version !== PATCHED_VERSION) {
  console.error(
    `patch-postgres-driver: postgres is ${String(manifest.version)}, the patch is for ${PATCHED_VERSION}. Check whether the nextWrite crash is fixed upstream, then update or remove this patch.`,
  );
  process.exit(1);
}
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const target = path.join(root, file);
  let text = readFileSync(target, 'utf8');
  if (text.includes(MARKER)) continue;
  for (const [before, after] of REPLACEMENTS) {
    if (!text.includes(before)) {
      console.error(`patch-postgres-driver: ${file} does not hold the expected code; the patch was not applied.`);
      process.exit(1);
    }
    text = text.replace(before, after);
  }
  writeFileSync(target, text);
}
