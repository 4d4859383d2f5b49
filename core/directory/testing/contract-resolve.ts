import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountNameOf } from '../../../contract/account-name.ts';
import type { Resolution } from '../../../contract/directory.ts';
import { connectDirectory, type Directory } from '../directory-service.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

/** The resolve part of the directory contract (see directory-contract.ts). */
export function resolveContract(fixture: () => DirectoryFixture): void {
  const SPECIAL_NAMES = [
    'Smith, John (Ops)',
    'Star*Power',
    'Back\\Slash',
    '#Hash Lead',
    'Plus+Semi;colon',
    'Quote"Less<More>',
    'Equals=Sign',
    ' Leading Space',
    'Zoë Ångström-Łukasiewicz',
    'Müller (Köln) *#',
    'All ( ) * \\ , # + ; " < > = Mix',
  ];

  const samOf = (resolution: Resolution | undefined) => (resolution?.status === 'resolved' ? resolution.object.samAccountName : resolution?.status);

  describe('resolving names against the seeded domain', () => {
    let directory: Directory;
    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('resolves every special-character name to exactly its own object', async () => {
      const resolutions = await directory.resolveNames(SPECIAL_NAMES);
      expect(resolutions.map(samOf)).toEqual(SPECIAL_NAMES.map((_name, index) => `special${String(index + 1).padStart(2, '0')}`));
    });

    it('resolves special-character objects by their escaped DN too', async () => {
      const [byName] = await directory.resolveNames(['All ( ) * \\ , # + ; " < > = Mix']);
      const distinguishedName = byName?.status === 'resolved' ? byName.object.distinguishedName : '';
      const [byDn] = await directory.resolveNames([distinguishedName]);
      expect(samOf(byDn)).toEqual('special11');
    });

    it('resolves every name form in one batch', async () => {
      const [exchange] = await directory.resolveNames(['Exchange Servers']);
      const exchangeSid = exchange?.status === 'resolved' ? exchange.object.sid : '';
      const exchangeGuid = exchange?.status === 'resolved' ? exchange.object.guid : '';
      const inputs = [
        'CORP\\svc-sp-central',
        'svc-sp-apppool@corp.contoso.test',
        'EXCH01$',
        'sp2010$',
        'CN=FS01,OU=File Servers,OU=Servers,OU=Contoso,DC=corp,DC=contoso,DC=test',
        exchangeSid,
        `{${exchangeGuid}}`,
        'fileadmin',
        'Alice Anders',
        'corp.contoso.test\\bob',
      ];
      const before = directory.roundTrips();
      const resolutions = await directory.resolveNames(inputs);
      const trips = directory.roundTrips() - before;
      expect({ names: resolutions.map(samOf), trips }).toEqual({
        names: ['svc-sp-central', 'svc-sp-apppool', 'EXCH01$', 'SP2010$', 'FS01$', 'Exchange Servers', 'Exchange Servers', 'fileadmin', 'alice', 'bob'],
        trips: 1,
      });
    });

    it('finds a prefix by ambiguous name resolution', async () => {
      const resolutions = await directory.resolveNames(['svc-sp-centr', 'Nest Level 4', 'deep.us']);
      expect(resolutions.map(samOf)).toEqual(['svc-sp-central', 'Nest Level 4', 'deep.user']);
    });

    it('reports an ambiguous name with every candidate and its In Folder', async () => {
      const [resolution] = await directory.resolveNames(['John Smith']);
      const candidates =
        resolution?.status === 'ambiguous' ? resolution.candidates.map((candidate) => [candidate.samAccountName, candidate.inFolder]).sort() : [];
      expect(candidates).toEqual([
        ['jsmith', 'corp.contoso.test/Contoso/People'],
        ['jsmith2', 'corp.contoso.test/Contoso/Service Accounts'],
      ]);
    });

    it.each(['*', '*)(objectClass=*', 'admin)(&', '\\2a', 'Exchange Servers)(|(cn=*', 'OTHERDOM\\alice', 'S-1-5-21-1-2-3-99999', 'nobody@corp.contoso.test'])(
      'does not let %j match more than its literal self',
      async (input) => {
        const [resolution] = await directory.resolveNames([input]);
        expect(resolution?.status).toEqual('not-found');
      },
    );

    it('resolves a built-in group by BUILTIN\\name and names it so, as Windows does', async () => {
      const [resolution] = await directory.resolveNames(['BUILTIN\\IIS_IUSRS']);
      const object = resolution?.status === 'resolved' ? resolution.object : undefined;
      expect([object?.sid, object === undefined ? resolution : accountNameOf(object, directory.domain.netbiosDomain)]).toEqual([
        'S-1-5-32-568',
        'BUILTIN\\IIS_IUSRS',
      ]);
    });

    it('does not resolve BUILTIN\\name to a domain account of that name', async () => {
      const [resolution] = await directory.resolveNames(['BUILTIN\\Administrator']);
      expect(resolution?.status).toBe('not-found');
    });

    it('names the other domain when a DOMAIN\\name prefix is not this domain', async () => {
      const [resolution] = await directory.resolveNames(['OTHERDOM\\alice']);
      expect(resolution).toMatchObject({ status: 'not-found', reason: expect.stringContaining('OTHERDOM') });
    });

    it.each([
      ['an empty name', ['']],
      ['a lone surrogate', ['a\uD800']],
      ['an oversized name', ['x'.repeat(5000)]],
      ['a NUL character', ['a\u0000b']],
      ['too many names', Array.from({ length: 501 }, (_unused, index) => `n${index}`)],
    ])('refuses %s before sending anything', async (_label, names) => {
      const before = directory.roundTrips();
      await expect(directory.resolveNames(names)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(directory.roundTrips()).toEqual(before);
    });

    it.each([
      ['a zero width space', ['Exch\u200Bange Servers'], 'Character 5 is U+200B (zero width space)'],
      ['a right-to-left mark after an emoji', ['😀\u200Fadmin'], 'Character 2 is U+200F (right-to-left mark)'],
      ['a word joiner', ['alice\u2060'], 'Character 6 is U+2060 (word joiner)'],
      ['a byte order mark', ['\uFEFFCORP\\alice'], 'Character 1 is U+FEFF (byte order mark)'],
      ['an Arabic letter mark in the second name', ['alice', 'bo\u061Cb'], 'Name 2: Character 3 is U+061C (arabic letter mark)'],
      ['a lone low surrogate', ['al\uDC00ice'], 'Character 3 is U+DC00 (lone low surrogate)'],
    ])('refuses a name with %s, saying which character and where, before sending anything', async (_label, names, message) => {
      const before = directory.roundTrips();
      await expect(directory.resolveNames(names)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) });
      expect(directory.roundTrips()).toEqual(before);
    });

    it('flags Authenticated Users as a broad principal', async () => {
      const [resolution] = await directory.resolveNames(['S-1-5-11']);
      expect(resolution?.status === 'resolved' ? [resolution.object.kind, resolution.object.broadPrincipal?.name] : resolution).toEqual([
        'foreign-principal',
        'Authenticated Users',
      ]);
    });
  });
}
