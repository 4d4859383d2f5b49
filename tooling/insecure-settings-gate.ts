import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findInsecureSettings, INSECURE_SETTINGS, isProductFile, PRODUCT_FOLDERS } from './security/insecure-settings.ts';
import { listFiles } from './security/source-files.ts';

const REPOSITORY_ROOT = join(import.meta.dirname, '..');

/**
 * CLI (`npm run gate:insecure-settings`, test command): fail when product code (main/,
 * connector/, renderer/, tests excluded) contains a setting that switches off TLS
 * verification or an Electron defence, naming file, line and why it is refused.
 */
async function main(): Promise<number> {
  const files = (await Promise.all(PRODUCT_FOLDERS.map((folder) => listFiles(REPOSITORY_ROOT, folder)))).flat().filter(isProductFile);
  const found = [];
  for (const file of files) found.push(...findInsecureSettings(file, await readFile(join(REPOSITORY_ROOT, file), 'utf8')));
  for (const hit of found) {
    const why = INSECURE_SETTINGS.find((setting) => setting.rule === hit.rule)?.why ?? '';
    console.log(`  ${hit.file}:${String(hit.line)}: ${hit.rule} — ${why}\n      ${hit.text.slice(0, 160)}`);
  }
  console.log(`insecure settings: ${found.length === 0 ? 'ok — none' : `FAILED — ${String(found.length)}`} in ${String(files.length)} product files`);
  return found.length === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main();
