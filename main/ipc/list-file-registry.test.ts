import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListFileRegistry } from './list-file-registry.ts';

const entry = { sid: 'S-1-5-21-1-2-3-1139', name: 'CORP\\Exchange Servers', role: 'exchange' };

describe('createListFileRegistry', () => {
  let folder: string;
  const file = async (name: string, content: string | Uint8Array) => {
    const where = path.join(folder, name);
    await writeFile(where, content);
    return where;
  };
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-list-files-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('holds a good file for the session that chose it, by an id only', async () => {
    const registry = createListFileRegistry();
    const owner = {};
    const chosen = await registry.read(await file('servers.json', JSON.stringify([entry])), owner);
    expect(chosen).toEqual({ status: 'read', fileId: expect.any(String), name: 'servers.json', format: 'json', entries: 1 });
    const fileId = chosen.status === 'read' ? chosen.fileId : '';
    expect(registry.entries(fileId, owner)).toEqual([entry]);
    expect(() => registry.entries(fileId, {})).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'IMPORT_FILE_NOT_HELD' }) }));
  });

  it('answers a file that is not UTF-8 with what to do, holding nothing', async () => {
    const chosen = await createListFileRegistry().read(await file('latin1.csv', new Uint8Array([0x53, 0x49, 0x44, 0xe9, 0xff])), {});
    expect(chosen).toEqual({
      status: 'refused',
      name: 'latin1.csv',
      issues: [expect.objectContaining({ kind: 'syntax', problem: expect.stringContaining('UTF-8') })],
      moreIssues: 0,
    });
  });

  it.each([
    [
      'a file over 16 MiB',
      async () => {
        const where = await file('huge.json', '[');
        await truncate(where, 16 * 1024 * 1024 + 1);
        return where;
      },
      /larger than 16 MiB/,
    ],
    ['a file that does not exist', () => Promise.resolve(path.join(folder, 'missing.json')), /could not be read/],
    ['a folder', () => Promise.resolve(folder), /not a regular file/],
  ])('refuses %s as INVALID_LIST_FILE', async (_label, pathOf, message) => {
    await expect(createListFileRegistry().read(await pathOf(), {})).rejects.toMatchObject({
      error: { code: 'INVALID_LIST_FILE', message: expect.stringMatching(message) },
    });
  });
});
