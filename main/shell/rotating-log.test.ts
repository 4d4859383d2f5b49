import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLog } from './rotating-log.ts';

let folder: string;

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'rotating-log-')), 'logs');
});

afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

const fixedNow = () => new Date('2026-11-22T10:00:00.000Z');

async function linesOf(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createRotatingLog', () => {
  it('creates the folder and writes one JSON line per event, time first', async () => {
    const log = createRotatingLog({ folder, now: fixedNow });
    log.write({ event: 'started', version: '0.1.0' });
    log.write({ event: 'ipc-call', channel: 'servers:list', time: 'forged' });
    expect(await linesOf(log.file)).toEqual([
      { time: '2026-11-22T10:00:00.000Z', event: 'started', version: '0.1.0' },
      { time: '2026-11-22T10:00:00.000Z', event: 'ipc-call', channel: 'servers:list' },
    ]);
    expect(path.basename(log.file)).toBe('console.log');
  });

  it('never writes a secret to the file', async () => {
    const log = createRotatingLog({ folder, now: fixedNow });
    log.write({ event: 'sign-in', username: 'CONTOSO\\admin', password: 'Pa55word!', detail: 'Authorization: Bearer abc' });
    const text = await readFile(log.file, 'utf8');
    expect(text).not.toContain('Pa55word!');
    expect(text).not.toContain('Bearer abc');
    expect(text).toContain('CONTOSO\\\\admin');
  });

  it('rotates at the size limit and keeps only the newest files', async () => {
    const log = createRotatingLog({ folder, maxBytes: 200, keep: 3, now: fixedNow });
    for (let index = 0; index < 30; index += 1) log.write({ event: 'tick', index });
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(['console.1.log', 'console.2.log', 'console.log']);
    for (const file of files) expect((await stat(path.join(folder, file))).size).toBeLessThanOrEqual(200);
    const newest = await linesOf(log.file);
    const older = await linesOf(path.join(folder, 'console.1.log'));
    expect(newest.at(-1)?.['index']).toBe(29);
    expect(older.at(-1)?.['index']).toBe(Number(newest[0]?.['index']) - 1);
  });

  it('continues an existing file after a restart, counting its size', async () => {
    createRotatingLog({ folder, maxBytes: 120, keep: 2, now: fixedNow }).write({ event: 'first run' });
    const log = createRotatingLog({ folder, maxBytes: 120, keep: 2, now: fixedNow });
    log.write({ event: 'second run', padding: 'x'.repeat(40) });
    expect((await linesOf(log.file)).map((line) => line['event'])).toEqual(['second run']);
    expect((await linesOf(path.join(folder, 'console.1.log'))).map((line) => line['event'])).toEqual(['first run']);
  });

  it.skipIf(process.platform === 'win32')('creates files readable by the user alone', async () => {
    const log = createRotatingLog({ folder, now: fixedNow });
    log.write({ event: 'x' });
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
  });

  it('drops a line rather than throwing when the disk refuses it', async () => {
    const log = createRotatingLog({ folder, now: fixedNow });
    await rm(folder, { recursive: true });
    await writeFile(folder, 'not a folder');
    expect(() => {
      log.write({ event: 'lost' });
    }).not.toThrow();
  });

  it('starts even when the logs folder cannot be created, and drops its lines', async () => {
    await writeFile(path.dirname(folder) + '/logs', 'a file where the folder should be');
    const log = createRotatingLog({ folder: path.join(folder, 'inner'), now: fixedNow });
    expect(() => {
      log.write({ event: 'lost' });
    }).not.toThrow();
  });
});
