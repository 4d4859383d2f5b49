import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWindowStateFile } from './window-state-file.ts';

const STATE = { version: 1, bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true } as const;

async function fileIn() {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-window-'));
  const file = path.join(folder, 'window-state.json');
  return { folder, file, store: createWindowStateFile(file) };
}

describe('createWindowStateFile', () => {
  it('remembers nothing before the first save', async () => {
    const { store } = await fileIn();
    expect(store.load()).toBeUndefined();
  });

  it('reads back what it saved, written atomically and readable by the user only', async () => {
    const { folder, file, store } = await fileIn();
    await store.save(STATE);
    expect(store.load()).toEqual(STATE);
    expect(await readdir(folder)).toEqual(['window-state.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['not a window state', JSON.stringify({ version: 1, bounds: { x: 'left' }, maximized: false })],
    ['too large', JSON.stringify({ ...STATE, padding: 'x'.repeat(5000) })],
  ])('ignores a file that is %s', async (_label, text) => {
    const { file, store } = await fileIn();
    await writeFile(file, text);
    expect(store.load()).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe(text);
  });
});
