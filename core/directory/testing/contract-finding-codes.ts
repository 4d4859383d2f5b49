import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingCodeSchema, type AuthorizedEntry, type FindingCode, type Role } from '../../../contract/policy.ts';
import { evaluateAuthorization, findingsForUnresolved } from '../../policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts, gatherEntryFacts } from '../../policy/gather-facts.ts';
import { reviewList } from '../../policy/review-list.ts';
import { connectDirectory, type Directory } from '../index.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

const ROLES: readonly Role[] = ['exchange', 'sharepoint', 'fci'];
/** Scenario objects that, between them, should trigger every rule of the policy. */
const NAMES = [
  'Exchange Servers',
  'CORP\\EXCH01$',
  'svc-sp-central',
  'SP2010$',
  'FCI File Servers',
  'FS01$',
  'FSOLD$',
  'fileadmin',
  'All Contoso Staff',
  'Broad Access',
  'Domain Users',
  'RMSCON01$',
  'Connector Readers',
  'no-such-account',
  'John Smith',
];

/**
 * The directory is rich enough for every finding code: running the real policy over its
 * objects (a check per name and role, and a list review with an orphaned SID) produces each
 * code of the public contract at least once.
 */
export function findingCodesContract(fixture: () => DirectoryFixture): void {
  describe('every finding code from the seeded objects', () => {
    let directory: Directory;
    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
    });
    afterAll(async () => {
      await directory.close();
    });

    it('produces each code of the policy contract', async () => {
      const produced = new Set<FindingCode>();
      const [fciGroup] = await directory.resolveNames(['FCI File Servers']);
      if (fciGroup?.status !== 'resolved') throw new Error('FCI File Servers did not resolve');
      const list: AuthorizedEntry[] = [{ sid: fciGroup.object.sid, name: 'CORP\\FCI File Servers', role: 'fci' }];
      for (const resolution of await directory.resolveNames(NAMES)) {
        if (resolution.status !== 'resolved') {
          for (const finding of findingsForUnresolved(resolution)) produced.add(finding.code);
          continue;
        }
        const facts = await gatherAuthorizationFacts(directory, {
          role: 'exchange',
          object: resolution.object,
          list,
          connectorNodeNames: ['RMSCON01', 'RMSCON02'],
        });
        for (const role of ROLES) for (const finding of evaluateAuthorization({ ...facts, role })) produced.add(finding.code);
      }
      const orphaned: AuthorizedEntry[] = [...list, { sid: `${directory.domain.domainSid}-424242`, name: 'CORP\\gone', role: 'fci' }];
      const listFacts = await gatherEntryFacts(directory, orphaned, ['RMSCON01']);
      for (const finding of reviewList(listFacts.entries, listFacts.members, listFacts.connectorNodes, directory.domain.netbiosDomain))
        produced.add(finding.code);
      expect(FindingCodeSchema.options.filter((code) => !produced.has(code))).toEqual([]);
    }, 240_000);
  });
}
