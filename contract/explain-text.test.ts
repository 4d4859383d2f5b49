import { describe, expect, it } from 'vitest';
import type { Explanation } from './explain.ts';
import type { DirectoryObject } from './index.ts';
import { explanationText, verdictSentence } from './explain-text.ts';

const exch01: DirectoryObject = {
  sid: 'S-1-5-21-1-2-3-1105',
  guid: '00000000-0000-0000-0000-000000001105',
  distinguishedName: 'CN=EXCH01,OU=Exchange,DC=corp,DC=contoso,DC=test',
  samAccountName: 'EXCH01$',
  name: 'EXCH01',
  kind: 'computer',
  disabled: false,
  servicePrincipalNames: [],
  canonicalName: 'corp.contoso.test/Exchange/EXCH01',
  inFolder: 'corp.contoso.test/Exchange',
};

const admitted: Explanation = {
  status: 'found',
  input: 'EXCH01$',
  account: exch01,
  accountName: 'CORP\\EXCH01$',
  role: 'exchange',
  admitted: true,
  roles: ['exchange'],
  superUser: true,
  grants: [
    {
      entry: { sid: 'S-1-5-21-1-2-3-1200', name: 'CORP\\Exchange Servers', role: 'exchange' },
      path: [
        { sid: exch01.sid, name: 'CORP\\EXCH01$', kind: 'computer' },
        { sid: 'S-1-5-21-1-2-3-1201', name: 'CORP\\Exchange Install Domain Servers', kind: 'group' },
        { sid: 'S-1-5-21-1-2-3-1200', name: 'CORP\\Exchange Servers', kind: 'group' },
      ],
      direct: false,
      throughPrimaryGroup: true,
      everyLogon: false,
    },
  ],
  advice: [{ code: 'NEW_TICKET_NEEDED', severity: 'warning', message: 'Get a new ticket.', command: 'klist purge -li 0x3e7' }],
  tokenGroupCount: 2,
};

describe('explanationText', () => {
  it('writes the verdict, each chain, super user and the advice with its command, like the CLI', () => {
    expect(explanationText(admitted, 'CORP')).toBe(
      [
        'CORP\\EXCH01$ (Computer, In Folder corp.contoso.test/Exchange): ADMITTED for the Exchange Server role.',
        'Its token carries 2 security group(s), nested and primary included.',
        '',
        'Admitted by:',
        '  Exchange Server: CORP\\Exchange Servers (through its primary group)',
        '    CORP\\EXCH01$ → CORP\\Exchange Install Domain Servers → CORP\\Exchange Servers',
        '',
        'Super user: YES — it can open and remove protection from all protected content.',
        '',
        'What to know and do:',
        '  [warning] NEW_TICKET_NEEDED: Get a new ticket.',
        '      klist purge -li 0x3e7',
      ].join('\n'),
    );
  });

  it('lists the candidates of an ambiguous name by DOMAIN\\name and SID', () => {
    const ambiguous: Explanation = {
      status: 'ambiguous',
      input: 'EXCH',
      admitted: false,
      candidates: [exch01, { ...exch01, sid: 'S-1-5-21-9', samAccountName: 'EXCH' }],
    };
    expect(explanationText(ambiguous, 'CORP').split('\n')).toEqual([
      '"EXCH" matches 2 accounts; test one of them by DOMAIN\\name or SID:',
      '  CORP\\EXCH01$  (Computer, In Folder corp.contoso.test/Exchange, SID S-1-5-21-1-2-3-1105)',
      '  CORP\\EXCH  (Computer, In Folder corp.contoso.test/Exchange, SID S-1-5-21-9)',
    ]);
  });

  it('says a name no account has is refused, with the advice', () => {
    const notFound: Explanation = {
      status: 'not-found',
      input: 'CORP\\nobody',
      role: 'fci',
      admitted: false,
      advice: [{ code: 'NO_SUCH_ACCOUNT', severity: 'error', message: 'No account is named so.' }],
    };
    expect([verdictSentence(notFound), explanationText(notFound, 'CORP').split('\n')]).toEqual([
      'No account is named "CORP\\nobody" for the File server using FCI role: the connector would refuse it.',
      [
        '"CORP\\nobody": no such account for the File server using FCI role. REFUSED.',
        '',
        'What to know and do:',
        '  [error] NO_SUCH_ACCOUNT: No account is named so.',
      ],
    ]);
  });
});
