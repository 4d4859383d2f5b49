#!/usr/bin/env node
// Entry point of the `rms-connector-service` command. The sources are TypeScript that Node 24
// runs directly, so check the runtime before loading them and say what to do if it is older.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `rms-connector-service needs Node.js 24 or later (this is ${process.version}). Run scripts/ensure-node.sh and put .cache/node/bin first on PATH.\n`,
  );
  process.exit(2);
}
await import('../connector/cli/main.ts');
