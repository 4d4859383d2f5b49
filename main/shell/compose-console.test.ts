import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../core/connector/testing/closed-port.ts';
import { signInRequest } from '../ipc/testing/test-console.ts';
import { composeConsole } from './compose-console.ts';
import { createFakeSafeStorage } from './settings/testing/fake-safe-storage.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function composeInTemporaryFolder() {
  const userData = mkdtempSync(path.join(tmpdir(), 'compose-console-'));
  folders.push(userData);
  return composeConsole({ userData, safeStorage: createFakeSafeStorage(), platform: 'linux', openLogsFolder: () => Promise.resolve(), log: () => undefined });
}

describe('the desktop app composition root', () => {
  it('signs in through the real service client: a closed port is UNREACHABLE, named by its address', async () => {
    const running = composeInTemporaryFolder();
    const port = await closedPort();
    const result = await running.dispatcher.dispatch('session:sign-in', signInRequest({ serviceUrl: `http://127.0.0.1:${String(port)}` }));
    await running.close();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNREACHABLE', source: 'service', details: [expect.stringContaining(`127.0.0.1:${String(port)}`)] }),
    });
  });
});
