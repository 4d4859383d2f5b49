import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryObject, ObjectTypeFilter } from '../../../contract/directory.ts';
import { connectDirectory, type Directory } from '../directory-service.ts';
import { CONTOSO_OU, type DirectoryFixture } from './directory-fixture.ts';

/** The search part of the directory contract (see directory-contract.ts). */
export function searchContract(fixture: () => DirectoryFixture): void {
  async function collect(pages: AsyncGenerator<DirectoryObject[]>): Promise<{ objects: DirectoryObject[]; pages: number }> {
    const objects: DirectoryObject[] = [];
    let count = 0;
    for await (const page of pages) {
      objects.push(...page);
      count += 1;
    }
    return { objects, pages: count };
  }

  describe('searching and browsing the seeded domain', () => {
    let directory: Directory;
    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('pages past the 1,000-entry limit to return every bulk user', async () => {
      const { objects, pages } = await collect(directory.search({ text: '*', types: ['user'], baseDn: `OU=Bulk Users,${CONTOSO_OU}`, pageSize: 500 }));
      expect({
        users: objects.length,
        uniqueSids: new Set(objects.map((object) => object.sid)).size,
        enoughPages: pages >= Math.ceil(fixture().bulkUserCount / 500),
      }).toEqual({ users: fixture().bulkUserCount, uniqueSids: fixture().bulkUserCount, enoughPages: true });
    });

    it('stops between pages when cancelled, and the session stays usable', async () => {
      const controller = new AbortController();
      const pageSizes: number[] = [];
      const consume = async () => {
        for await (const page of directory.search({ text: '*', types: ['user'], baseDn: `OU=Bulk Users,${CONTOSO_OU}`, pageSize: 500 }, controller.signal)) {
          pageSizes.push(page.length);
          controller.abort();
        }
      };
      await expect(consume()).rejects.toMatchObject({ code: 'CANCELLED' });
      const [after] = await directory.resolveNames(['bind.ok']);
      expect([pageSizes, after?.status]).toEqual([[500], 'resolved']);
    });

    it.each<[ObjectTypeFilter, string[]]>([
      ['computer', ['FS01$', 'FS02$', 'FS03$', 'FSOLD$']],
      ['security-group', ['FCI File Servers']],
    ])('filters %s objects under a base', async (type, expected) => {
      const { objects } = await collect(directory.search({ text: '*', types: [type], baseDn: `OU=File Servers,OU=Servers,${CONTOSO_OU}` }));
      expect(objects.map((object) => object.samAccountName).sort()).toEqual(expected);
    });

    it('filters users (not computers or groups) under a base', async () => {
      const { objects } = await collect(directory.search({ text: '*', types: ['user'], baseDn: `OU=Service Accounts,${CONTOSO_OU}` }));
      const expected = ['jsmith2', 'svc-exchange-helper', 'svc-sp-apppool', 'svc-sp-central'];
      expect(objects.map((object) => object.samAccountName).sort()).toEqual(expected);
    });

    it('finds managed service accounts as their own type, not as computers', async () => {
      const { objects: accounts } = await collect(directory.search({ text: 'msa-', types: ['service-account'] }));
      const { objects: computers } = await collect(directory.search({ text: 'msa-', types: ['computer'] }));
      expect([accounts.map((account) => [account.samAccountName, account.kind]), computers.length]).toEqual([[['msa-sp01$', 'service-account']], 0]);
    });

    it('tells distribution groups from security groups', async () => {
      const { objects: distribution } = await collect(directory.search({ text: '*', types: ['distribution-group'], baseDn: `OU=Groups,${CONTOSO_OU}` }));
      const { objects: security } = await collect(directory.search({ text: 'Connector Readers', types: ['security-group'] }));
      expect([distribution.map((group) => [group.name, group.group]), security.map((group) => [group.name, group.group])]).toEqual([
        [['All Contoso Staff', { scope: 'universal', security: false }]],
        [['Connector Readers', { scope: 'domain-local', security: true }]],
      ]);
    });

    it('searches by ANR prefix and reads computer facts', async () => {
      const { objects } = await collect(directory.search({ text: 'EXCH0', types: ['computer'] }));
      const exch01 = objects.find((object) => object.samAccountName === 'EXCH01$');
      expect({ count: objects.length, exch01 }).toEqual({
        count: 3,
        exch01: expect.objectContaining({
          kind: 'computer',
          computerRole: 'member',
          disabled: false,
          dnsHostName: 'exch01.corp.contoso.test',
          servicePrincipalNames: expect.arrayContaining(['exchangeMDB/exch01.corp.contoso.test']),
          inFolder: 'corp.contoso.test/Contoso/Servers/Exchange',
        }),
      });
    });

    it('reports the disabled computer and the domain controller', async () => {
      const [oldServer, controller] = await directory.resolveNames(['FSOLD$', 'DC1$']);
      expect([oldServer?.status === 'resolved' && oldServer.object.disabled, controller?.status === 'resolved' && controller.object.computerRole]).toEqual([
        true,
        'domain-controller',
      ]);
    });

    it('browses one level of containers, OUs first', async () => {
      const children = await directory.browse(CONTOSO_OU, { containersOnly: true });
      expect(children.map((child) => child.name)).toEqual(
        expect.arrayContaining(['Bulk Users', 'Groups', 'People', 'Servers', 'Service Accounts', 'Special Characters']),
      );
    });

    it('browses a folder whose objects have special characters', async () => {
      const children = await directory.browse(`OU=Special Characters,${CONTOSO_OU}`);
      expect(children.map((child) => child.name)).toEqual(expect.arrayContaining([' Leading Space', 'All ( ) * \\ , # + ; " < > = Mix', 'Ops (Tier 1), Inc.']));
    });

    it('refuses search text with a hidden character, saying which and where, before sending anything', async () => {
      const before = directory.roundTrips();
      await expect(collect(directory.search({ text: 'adm\u202Ein' }))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('Character 4 is U+202E (right-to-left override)'),
      });
      expect(directory.roundTrips()).toEqual(before);
    });

    it.each(['not a dn', 'OU=Missing,DC=corp,DC=contoso,DC=test'])('refuses to search under %j with a clear error', async (baseDn) => {
      await expect(collect(directory.search({ text: '*', baseDn }))).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    });
  });
}
