import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOutputFiles, type OutputFile } from './output-files.ts';
import { PROFILES } from './registry-settings.ts';
import { samplePlan } from './testing/sample-plan.ts';

/**
 * Byte-exact golden files: every generated file, both profiles, for the sample URLs.
 *
 * After an intended change, regenerate with `UPDATE_GOLDEN=1 npx vitest run --project unit
 * core/server-config/golden.test.ts` and review the diff in git before committing.
 */
const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const updating = process.env.UPDATE_GOLDEN === '1';

describe('server-config golden files', () => {
  const cases = PROFILES.flatMap((profile) => renderOutputFiles(samplePlan(profile)).map((file) => [profile, file.name, file] as const));

  it.each(cases)('%s/%s matches its golden file byte for byte', (profile, name, file) => {
    const goldenPath = path.join(GOLDEN, profile, name);
    if (updating) {
      mkdirSync(path.dirname(goldenPath), { recursive: true });
      writeFileSync(goldenPath, file.bytes);
    }
    expect(existsSync(goldenPath), `${goldenPath} is missing; run with UPDATE_GOLDEN=1 to create it.`).toBe(true);
    const expected = readFileSync(goldenPath);
    if (!expected.equals(file.bytes)) expect.fail(describeMismatch(goldenPath, expected, file));
  });

  it('has no golden file that is no longer generated', () => {
    const generated = new Set(cases.map(([profile, name]) => `${profile}/${name}`));
    const stored = PROFILES.flatMap((profile) =>
      existsSync(path.join(GOLDEN, profile)) ? readdirSync(path.join(GOLDEN, profile)).map((name) => `${profile}/${name}`) : [],
    );
    expect(stored.filter((name) => !generated.has(name))).toEqual([]);
  });
});

/** Where the bytes first differ, and the two lines there, so the failure says what changed. */
function describeMismatch(goldenPath: string, expected: Buffer, file: OutputFile): string {
  const actual = file.bytes;
  let offset = 0;
  while (offset < Math.min(expected.length, actual.length) && expected[offset] === actual[offset]) offset += 1;
  const decode = (bytes: Buffer): string[] => (file.kind === 'reg' ? bytes.subarray(2).toString('utf16le') : bytes.subarray(3).toString('utf8')).split('\n');
  const expectedLines = decode(expected);
  const actualLines = decode(actual);
  const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
  const at = line === -1 ? expectedLines.length : line;
  return [
    `${goldenPath} differs from the generated ${file.name}: first different byte at offset ${offset} (golden ${expected.length} bytes, generated ${actual.length}).`,
    `line ${at + 1} golden:    ${JSON.stringify(expectedLines[at] ?? '<end of file>')}`,
    `line ${at + 1} generated: ${JSON.stringify(actualLines[at] ?? '<end of file>')}`,
    'If the change is intended, run with UPDATE_GOLDEN=1 and review the golden diff.',
  ].join('\n');
}
