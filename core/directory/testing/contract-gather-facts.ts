import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryObject } from '../../../contract/directory.ts';
import type { AuthorizedEntry } from '../../../contract/policy.ts';
import { connectDirectory, type Directory } from '../index.ts';
import type { EntryFacts } from '../../policy/authorization-facts.ts';
import { gatherAuthorizationFacts, gatherEntryFacts } from '../../policy/gather-facts.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

/** Gathering policy facts from the seeded directory (part of the directory contract, see directory-contract.ts). */
export function gatherFactsContract(fixture: () => DirectoryFixture): void {
  const ORPHAN_SID = 'S-1-5-21-1-2-3-424242';

  describe('gatherAuthorizationFacts', () => {
    let directory: Directory;
    const objects = new Map<string, DirectoryObject>();
    const nameOf = (sid: string) => [...objects.values()].find((object) => object.sid === sid)?.samAccountName ?? sid;
    const entryOf = (name: string, role: AuthorizedEntry['role']): AuthorizedEntry => {
      const object = objects.get(name);
      if (!object) throw new Error(`${name} was not resolved`);
      return { sid: object.sid, name: `CORP\\${object.samAccountName ?? object.name}`, role };
    };
    const summaryOf = (entries: readonly EntryFacts[]) =>
      entries.map(({ entry, object, covered }) => ({ entry: entry.name, object: object?.samAccountName, covered: [...covered].map(nameOf).sort() }));

    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
      const names = [
        'Exchange Servers',
        'Exchange Install Domain Servers',
        'FCI File Servers',
        'EXCH01$',
        'EXCH02$',
        'EXCH03$',
        'svc-exchange-helper',
        'FS01$',
        'FS02$',
        'FSOLD$',
        'fileadmin',
        'RMSCON01$',
        'RMSCON02$',
        'alice',
      ];
      const resolutions = await directory.resolveNames(names);
      resolutions.forEach((resolution, index) => {
        if (resolution.status !== 'resolved') throw new Error(`${names[index] ?? ''} did not resolve`);
        objects.set(names[index] ?? '', resolution.object);
      });
    });
    afterAll(async () => {
      await directory.close();
    });

    it('gathers members, entry coverage, connector nodes and the domain when the object is a nested group', async () => {
      const list = [entryOf('FCI File Servers', 'fci'), { sid: ORPHAN_SID, name: 'CORP\\gone', role: 'exchange' as const }];
      const facts = await gatherAuthorizationFacts(directory, {
        role: 'exchange',
        object: objects.get('Exchange Servers') as DirectoryObject,
        list,
        connectorNodeNames: ['RMSCON01', 'CORP\\RMSCON02$'],
      });
      expect({
        role: facts.role,
        object: facts.object.samAccountName,
        members: facts.members.map((member) => member.samAccountName).sort(),
        list: summaryOf(facts.list),
        connectorNodes: facts.connectorNodes.map((node) => node.samAccountName),
        netbiosDomain: facts.netbiosDomain,
      }).toEqual({
        role: 'exchange',
        object: 'Exchange Servers',
        members: ['EXCH01$', 'EXCH02$', 'EXCH03$', 'Exchange Install Domain Servers', 'svc-exchange-helper'],
        list: [
          { entry: 'CORP\\FCI File Servers', object: 'FCI File Servers', covered: ['FCI File Servers', 'FS01$', 'FS02$', 'FSOLD$', 'fileadmin'] },
          { entry: 'CORP\\gone', object: undefined, covered: [] },
        ],
        connectorNodes: ['RMSCON01$', 'RMSCON02$'],
        netbiosDomain: 'CORP',
      });
    });

    it('costs one resolution for all SIDs and nodes and one search per group when the object is also an entry', async () => {
      const list = [entryOf('FCI File Servers', 'fci'), entryOf('Exchange Servers', 'exchange'), entryOf('EXCH01$', 'fci')];
      const before = directory.roundTrips();
      await gatherAuthorizationFacts(directory, {
        role: 'exchange',
        object: objects.get('Exchange Servers') as DirectoryObject,
        list,
        connectorNodeNames: ['RMSCON01', 'RMSCON02'],
      });
      // 1 batched resolution + Exchange Servers + its nested group + FCI File Servers.
      expect(directory.roundTrips() - before).toEqual(4);
    });

    it('gives a non-group object no members', async () => {
      const facts = await gatherAuthorizationFacts(directory, {
        role: 'fci',
        object: objects.get('FS01$') as DirectoryObject,
        list: [],
        connectorNodeNames: [],
      });
      expect({ members: facts.members, list: facts.list, connectorNodes: facts.connectorNodes }).toEqual({ members: [], list: [], connectorNodes: [] });
    });

    it.each([
      ['is not found', 'NO-SUCH-NODE', /was not found/],
      ['is not a computer', 'alice', /is a user, not a computer account/],
      ['is ambiguous', 'John Smith', /matches 2 objects/],
    ])('refuses a connector node that %s', async (_label, node, message) => {
      const gathering = gatherAuthorizationFacts(directory, {
        role: 'fci',
        object: objects.get('FS01$') as DirectoryObject,
        list: [],
        connectorNodeNames: [node],
      });
      await expect(gathering).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    });

    it('leaves out node names that are not one computer account when asked to ignore them', async () => {
      const facts = await gatherAuthorizationFacts(directory, {
        role: 'fci',
        object: objects.get('FS01$') as DirectoryObject,
        list: [],
        connectorNodeNames: ['NO-SUCH-NODE', 'alice', 'John Smith', 'RMSCON01'],
        unknownConnectorNodes: 'ignore',
      });
      expect(facts.connectorNodes.map((node) => node.samAccountName)).toEqual(['RMSCON01$']);
    });
  });

  describe('gatherEntryFacts', () => {
    let directory: Directory;

    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('resolves every entry, expands groups, keeps orphans and repeated SIDs when reviewing a list', async () => {
      const [fciGroup, fs01] = await directory.resolveNames(['FCI File Servers', 'FS01$']);
      if (fciGroup?.status !== 'resolved' || fs01?.status !== 'resolved') throw new Error('seed objects did not resolve');
      const list: AuthorizedEntry[] = [
        { sid: fciGroup.object.sid, name: 'CORP\\FCI File Servers', role: 'fci' },
        { sid: fs01.object.sid.toLowerCase(), name: 'CORP\\FS01$', role: 'fci' },
        { sid: fciGroup.object.sid, name: 'CORP\\FCI File Servers', role: 'sharepoint' },
        { sid: ORPHAN_SID, name: 'CORP\\gone', role: 'fci' },
      ];
      const before = directory.roundTrips();
      const facts = await gatherEntryFacts(directory, list, ['RMSCON01']);
      expect({
        roundTrips: directory.roundTrips() - before,
        entries: facts.entries.map(({ entry, object, covered }) => [entry.name, object?.samAccountName, covered.size]),
        members: [...facts.members].map(([sid, members]) => [sid, members.map((member) => member.samAccountName).sort()]),
        connectorNodes: facts.connectorNodes.map((node) => node.samAccountName),
      }).toEqual({
        roundTrips: 2,
        entries: [
          ['CORP\\FCI File Servers', 'FCI File Servers', 5],
          ['CORP\\FS01$', 'FS01$', 1],
          ['CORP\\FCI File Servers', 'FCI File Servers', 5],
          ['CORP\\gone', undefined, 0],
        ],
        members: [
          [fciGroup.object.sid, ['FS01$', 'FS02$', 'FSOLD$', 'fileadmin']],
          [fs01.object.sid.toLowerCase(), []],
        ],
        connectorNodes: ['RMSCON01$'],
      });
    });
  });
}
