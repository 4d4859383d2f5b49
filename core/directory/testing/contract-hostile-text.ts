import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDirectory, type Directory } from '../directory-service.ts';
import { CONTOSO_OU, type DirectoryFixture } from './directory-fixture.ts';

const hostileText = fc
  .string({
    unit: fc.constantFrom('(', ')', '*', '\\', ',', '#', '+', ';', '"', '<', '>', '=', ' ', 'a', 'B', 'ö', 'Ł', '😀', '&', '|', '!', '\u0000'),
    minLength: 1,
    maxLength: 24,
  })
  .filter((text) => text.trim() !== '' && text.trim() !== '*' && !text.includes('\u0000'));

/**
 * (A lone `*` is the console's "everything" search, so it is left out.)
 *
 * Typed text with every filter and DN metacharacter, against the seeded directory without
 * writing to it: no filter error, and nothing matches that the text does not literally name.
 * (The write-based escaping property, which creates such names, is Samba-only.)
 */
export function hostileTextContract(fixture: () => DirectoryFixture): void {
  describe('hostile typed text against the directory', () => {
    let directory: Directory;
    const samples = fc.sample(hostileText, { numRuns: 40, seed: 4515 });
    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('searches generated text as an ANR prefix without a filter error, every hit starting with it', async () => {
      for (const text of samples) {
        const found: string[] = [];
        for await (const page of directory.search({ text, baseDn: `OU=Special Characters,${CONTOSO_OU}` })) found.push(...page.map((object) => object.name));
        expect(found.filter((name) => !name.toLowerCase().startsWith(text.trim().toLowerCase()))).toEqual([]);
      }
    });

    it('resolves generated text to nothing it does not literally name', async () => {
      // A smaller batch: every name that matches nothing exactly costs Samba an ANR search.
      const resolutions = await directory.resolveNames(samples.slice(0, 12));
      const resolved = resolutions.flatMap((resolution) => (resolution.status === 'resolved' ? [[resolution.input, resolution.object.name]] : []));
      expect(resolved.filter(([input, name]) => !(name ?? '').toLowerCase().startsWith((input ?? '').trim().toLowerCase()))).toEqual([]);
    });
  });
}
