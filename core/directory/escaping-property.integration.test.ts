import fc from 'fast-check';
import type { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDirectory, type Directory } from './directory-service.ts';
import { formatDn } from './dn.ts';
import { adAdminClient, adConnectOptions, CONTOSO_OU } from './testing/ad-test-connection.ts';

const OU = `OU=Escaping Property ${process.pid},${CONTOSO_OU}`;
const NAME_COUNT = 25;
const hostileName = fc
  .string({
    unit: fc.constantFrom('(', ')', '*', '\\', ',', '#', '+', ';', '"', '<', '>', '=', ' ', 'a', 'B', 'ö', 'Ł', '😀', '&', '|', '!'),
    minLength: 1,
    maxLength: 24,
  })
  .filter((name) => name.trim() === name && name.trim() !== '');

describe('escaping against the real directory', () => {
  let admin: Client;
  let directory: Directory;
  const names = [...new Set(fc.sample(hostileName, { numRuns: NAME_COUNT * 3, seed: 4515 }).map((name) => name.toLowerCase()))].slice(0, NAME_COUNT);

  beforeAll(async () => {
    admin = await adAdminClient();
    await admin.add(OU, { objectClass: ['top', 'organizationalUnit'] });
    for (const [index, name] of names.entries()) {
      await admin.add(formatDn([{ type: 'CN', value: name }]) + `,${OU}`, {
        objectClass: ['top', 'group'],
        sAMAccountName: `esc-${process.pid}-${index}`,
        groupType: '-2147483646',
      });
    }
    directory = await connectDirectory(adConnectOptions());
  });

  afterAll(async () => {
    await directory.close();
    for (const [index, name] of names.entries()) await admin.del(formatDn([{ type: 'CN', value: name }]) + `,${OU}`).catch(() => index);
    await admin.del(OU).catch(() => undefined);
    await admin.unbind();
  });

  it('creates the generated names through RFC 4514-escaped DNs', () => {
    expect(names.length).toEqual(NAME_COUNT);
  });

  it('resolves each generated name to exactly its own object and nothing else', async () => {
    const resolutions = await directory.resolveNames(names);
    expect(resolutions.map((resolution) => (resolution.status === 'resolved' ? resolution.object.name : resolution.status))).toEqual(names);
  });

  it('searches each generated name as an ANR prefix without a filter error', async () => {
    for (const name of names) {
      const found: string[] = [];
      for await (const page of directory.search({ text: name, baseDn: OU })) found.push(...page.map((object) => object.name));
      expect(found.every((candidate) => candidate.toLowerCase().startsWith(name.toLowerCase()))).toBe(true);
    }
  });
});
