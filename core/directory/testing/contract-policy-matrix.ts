import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizedEntry, FindingCode, Role } from '../../../contract/policy.ts';
import { connectDirectory, type Directory } from '../index.ts';
import { evaluateAuthorization, findingsForUnresolved } from '../../policy/evaluate-authorization.ts';
import { gatherAuthorizationFacts } from '../../policy/gather-facts.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

/** Every scenario account × every role → the exact finding codes (part of the directory contract, see directory-contract.ts). */
export function policyMatrixContract(fixture: () => DirectoryFixture): void {
  type Row = Readonly<Record<Role, readonly FindingCode[]>>;

  const all = (codes: readonly FindingCode[]): Row => ({ exchange: codes, sharepoint: codes, fci: codes });

  /**
   * Every scenario account × every role → the exact codes, written from the rule table of
   * issue 3 and docs/finding-codes.md (not from the rules' output). The list holds one entry,
   * FCI File Servers for FCI; RMSCON01 and RMSCON02 are the connector nodes.
   */
  const EXPECTED: Readonly<Record<string, Row>> = {
    'Exchange Servers': {
      exchange: ['GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES'],
      fci: ['FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    },
    'Exchange Install Domain Servers': {
      exchange: ['GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES'],
      fci: ['GROUP_SHARES_CERTIFICATES'],
    },
    'CORP\\EXCH01$': {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['SHAREPOINT_COMPUTER_NEEDS_GROUP'],
      fci: ['PREFER_GROUP'],
    },
    'svc-exchange-helper': {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['SHAREPOINT_BOTH_ACCOUNTS'],
      fci: ['FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    },
    'svc-sp-central': {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['SHAREPOINT_BOTH_ACCOUNTS'],
      fci: ['FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    },
    'SharePoint Connector Accounts': {
      exchange: ['GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES'],
      fci: ['FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    },
    SP2010$: {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['SHAREPOINT_COMPUTER_NEEDS_GROUP'],
      fci: ['PREFER_GROUP'],
    },
    'FCI File Servers': {
      exchange: ['GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY'],
      fci: ['ALREADY_AUTHORIZED', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    },
    FS01$: {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT'],
      sharepoint: ['OVERLAPPING_ENTRY', 'SHAREPOINT_COMPUTER_NEEDS_GROUP'],
      fci: ['OVERLAPPING_ENTRY', 'PREFER_GROUP'],
    },
    FSOLD$: {
      exchange: ['ACCOUNT_DISABLED', 'EXCHANGE_REQUIRES_SECURITY_GROUP', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT'],
      sharepoint: ['ACCOUNT_DISABLED', 'OVERLAPPING_ENTRY', 'SHAREPOINT_COMPUTER_NEEDS_GROUP'],
      fci: ['ACCOUNT_DISABLED', 'OVERLAPPING_ENTRY', 'PREFER_GROUP'],
    },
    fileadmin: {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT'],
      sharepoint: ['OVERLAPPING_ENTRY', 'SHAREPOINT_BOTH_ACCOUNTS'],
      fci: ['FCI_REQUIRES_COMPUTER_ACCOUNTS', 'OVERLAPPING_ENTRY'],
    },
    'All Contoso Staff': {
      exchange: ['EXCHANGE_REQUIRES_SECURITY_GROUP', 'GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['DISTRIBUTION_GROUP', 'GROUP_SHARES_CERTIFICATES'],
      fci: ['DISTRIBUTION_GROUP', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    },
    'Broad Access': {
      exchange: ['BROAD_PRINCIPAL', 'GROUP_SHARES_CERTIFICATES', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES'],
      fci: ['FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES'],
    },
    // Domain Users holds fileadmin (primary group), which the FCI entry already covers.
    'Everyone Helpers': {
      exchange: ['BROAD_PRINCIPAL', 'GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY'],
      fci: ['FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY'],
    },
    'Domain Users': {
      exchange: ['BROAD_PRINCIPAL', 'GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY', 'SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      sharepoint: ['BROAD_PRINCIPAL', 'GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY'],
      fci: ['BROAD_PRINCIPAL', 'FCI_GROUP_NON_COMPUTER_MEMBER', 'GROUP_SHARES_CERTIFICATES', 'OVERLAPPING_ENTRY'],
    },
    RMSCON01$: {
      exchange: ['CONNECTOR_HOST', 'EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['CONNECTOR_HOST', 'SHAREPOINT_COMPUTER_NEEDS_GROUP'],
      fci: ['CONNECTOR_HOST', 'PREFER_GROUP'],
    },
    'disabled.user': {
      exchange: ['ACCOUNT_DISABLED', 'EXCHANGE_REQUIRES_SECURITY_GROUP', 'SUPER_USER_GRANT'],
      sharepoint: ['ACCOUNT_DISABLED', 'SHAREPOINT_BOTH_ACCOUNTS'],
      fci: ['ACCOUNT_DISABLED', 'FCI_REQUIRES_COMPUTER_ACCOUNTS'],
    },
    'no-such-account': all(['NOT_FOUND']),
    'John Smith': all(['AMBIGUOUS_NAME']),
  };

  describe('policy matrix against the seeded domain', () => {
    let directory: Directory;
    let list: AuthorizedEntry[];

    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
      const [fciGroup] = await directory.resolveNames(['FCI File Servers']);
      if (fciGroup?.status !== 'resolved') throw new Error('FCI File Servers did not resolve');
      list = [{ sid: fciGroup.object.sid, name: 'CORP\\FCI File Servers', role: 'fci' }];
    });
    afterAll(async () => {
      await directory.close();
    });

    it('gives every scenario account the exact codes for every role', async () => {
      const names = Object.keys(EXPECTED);
      const resolutions = await directory.resolveNames(names);
      const actual: Record<string, Row> = {};
      for (const [index, resolution] of resolutions.entries()) {
        const name = names[index] ?? '';
        if (resolution.status !== 'resolved') {
          actual[name] = all(codesOf(findingsForUnresolved(resolution)));
          continue;
        }
        // Gathering does not depend on the role, so each object's facts are gathered once.
        const facts = await gatherAuthorizationFacts(directory, {
          role: 'exchange',
          object: resolution.object,
          list,
          connectorNodeNames: ['RMSCON01', 'RMSCON02'],
        });
        const codesFor = (role: Role) => codesOf(evaluateAuthorization({ ...facts, role }));
        actual[name] = { exchange: codesFor('exchange'), sharepoint: codesFor('sharepoint'), fci: codesFor('fci') };
      }
      expect(actual).toEqual(EXPECTED);
    }, 240_000);
  });

  function codesOf(findings: readonly { code: FindingCode }[]): FindingCode[] {
    return findings.map((finding) => finding.code).sort();
  }
}
