import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanWithElectronegativity } from './run-electronegativity.ts';

const insecureWindow = `import { BrowserWindow, shell } from 'electron';
export function open(): BrowserWindow {
  void shell.openExternal('https://example.invalid/help'); // eng-disable OPEN_EXTERNAL_JS_CHECK — a fixed help address, never page input
  return new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });
}
`;

describe('scanWithElectronegativity (the real tool, offline)', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'electronegativity-test-'));
    await writeFile(join(directory, 'window.ts'), insecureWindow);
    await writeFile(join(directory, 'broken.ts'), 'export const = ;\n');
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reports the insecure window, drops the disabled finding and names the file it could not parse', async () => {
    const { findings, unparsedFiles } = await scanWithElectronegativity(directory, '45.4.1');
    const checks = findings.filter((finding) => finding.file === 'window.ts').map((finding) => finding.check);
    expect({
      contextIsolation: checks.includes('CONTEXT_ISOLATION_JS_CHECK'),
      sandbox: checks.includes('SANDBOX_JS_CHECK'),
      openExternal: checks.includes('OPEN_EXTERNAL_JS_CHECK'),
      unparsed: unparsedFiles.map((error) => error.file.endsWith('broken.ts')),
    }).toEqual({ contextIsolation: true, sandbox: true, openExternal: false, unparsed: [true] });
  });
});
