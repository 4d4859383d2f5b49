import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../../contract/directory.ts';
import { connectDirectory, type Directory } from '../directory-service.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

/** The membership part of the directory contract (see directory-contract.ts). */
export function membershipContract(fixture: () => DirectoryFixture): void {
  describe('membership in the seeded domain', () => {
    let directory: Directory;
    const resolveOne = async (name: string): Promise<DirectoryObject> => {
      const [resolution] = await directory.resolveNames([name]);
      if (resolution?.status !== 'resolved') throw new Error(`${name} did not resolve: ${JSON.stringify(resolution)}`);
      return resolution.object;
    };
    const names = (objects: readonly DirectoryObject[]) => objects.map((object) => object.samAccountName ?? object.name).sort();

    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('expands Exchange Servers transitively, including a primary-group-only member', async () => {
      const members = await directory.transitiveMembers(await resolveOne('Exchange Servers'));
      expect(names(members)).toEqual(['EXCH01$', 'EXCH02$', 'EXCH03$', 'Exchange Install Domain Servers', 'svc-exchange-helper']);
    });

    it('says through which nested group and which primary group each transitive member comes', async () => {
      const reached = await directory.transitiveMembersThrough(await resolveOne('Exchange Servers'));
      const through = reached.map(({ object, through, throughPrimaryGroup }) => [
        object.samAccountName,
        through.map((group) => group.samAccountName),
        throughPrimaryGroup,
      ]);
      expect(through.sort()).toEqual([
        ['EXCH01$', [], false],
        ['EXCH02$', [], false],
        ['EXCH03$', ['Exchange Install Domain Servers'], true],
        ['Exchange Install Domain Servers', [], false],
        ['svc-exchange-helper', [], false],
      ]);
    });

    it('gives the shortest path four levels deep and ends on a membership cycle', async () => {
      const deep = await directory.transitiveMembersThrough(await resolveOne('Nest Level 1'));
      expect(deep.find(({ object }) => object.samAccountName === 'deep.user')?.through.map((group) => group.samAccountName)).toEqual([
        'Nest Level 2',
        'Nest Level 3',
        'Nest Level 4',
      ]);
      const cycle = await directory.transitiveMembersThrough(await resolveOne('Cycle A'));
      expect(names(cycle.map(({ object }) => object))).toEqual(names(await directory.transitiveMembers(await resolveOne('Cycle A'))));
    });

    it('lists direct members with primary-group members', async () => {
      const members = await directory.directMembers(await resolveOne('Exchange Install Domain Servers'));
      expect(names(members)).toEqual(['EXCH03$']);
    });

    it('follows nesting four levels deep', async () => {
      const members = await directory.transitiveMembers(await resolveOne('Nest Level 1'));
      expect(names(members)).toEqual(['Nest Level 2', 'Nest Level 3', 'Nest Level 4', 'deep.user']);
    });

    it('reads the logon token groups: nested security groups and the primary group, never distribution groups', async () => {
      const user = await resolveOne('deep.user');
      const expected = await Promise.all(
        ['Nest Level 1', 'Nest Level 2', 'Nest Level 3', 'Nest Level 4', 'Domain Users'].map(async (name) => (await resolveOne(name)).sid),
      );
      const tokenGroups = await directory.tokenGroupSids(user);
      expect(tokenGroups.filter((sid) => expected.includes(sid)).sort()).toEqual([...expected].sort());
      const alice = await resolveOne('alice');
      expect(await directory.tokenGroupSids(alice)).not.toContain((await resolveOne('All Contoso Staff')).sid);
    });

    it('finds a primary-group-only membership in the token (EXCH03$ in Exchange Servers)', async () => {
      expect(await directory.tokenGroupSids(await resolveOne('EXCH03$'))).toContain((await resolveOne('Exchange Servers')).sid);
    });

    it('terminates on a membership cycle', async () => {
      const members = await directory.transitiveMembers(await resolveOne('Cycle A'));
      expect(names(members)).toEqual(['Cycle B']);
    });

    it('finds the broad principal inside Broad Access', async () => {
      const members = await directory.transitiveMembers(await resolveOne('Broad Access'));
      expect(members.map((member) => member.broadPrincipal?.name)).toEqual(['Authenticated Users']);
    });

    it('expands Everyone Helpers through Domain Users to every user by primary group', async () => {
      const members = await directory.transitiveMembers(await resolveOne('Everyone Helpers'));
      const domainUsers = members.find((member) => member.broadPrincipal?.name === 'Domain Users');
      expect({
        hasDomainUsers: domainUsers !== undefined,
        bulkUsers: members.filter((member) => member.samAccountName?.startsWith('bulk.user.')).length,
      }).toEqual({ hasDomainUsers: true, bulkUsers: fixture().bulkUserCount });
    });

    it('lists the groups of EXCH03 through its primary group', async () => {
      const groups = await directory.transitiveGroups(await resolveOne('EXCH03$'));
      // Changing the primary group leaves an explicit link to the old one (Domain Computers).
      expect(names(groups)).toEqual(['Domain Computers', 'Exchange Install Domain Servers', 'Exchange Servers']);
    });

    it('lists the groups of deep.user with Domain Users from its primary group', async () => {
      const groups = await directory.transitiveGroups(await resolveOne('deep.user'));
      // Domain Users is itself a member of the builtin Users group.
      expect(names(groups)).toEqual(['Domain Users', 'Everyone Helpers', 'Nest Level 1', 'Nest Level 2', 'Nest Level 3', 'Nest Level 4', 'Users']);
    });

    it('reads a SID back to the same object', async () => {
      const group = await resolveOne('FCI File Servers');
      expect((await directory.objectBySid(group.sid))?.guid).toEqual(group.guid);
    });
  });
}
