import { describe, expect, it } from 'vitest';
import { classifyName } from './name-forms.ts';

describe('classifyName', () => {
  it.each([
    ['S-1-5-21-1-2-3-1105', { form: 'sid', sid: 'S-1-5-21-1-2-3-1105' }],
    ['s-1-5-11', { form: 'sid', sid: 'S-1-5-11' }],
    ['{00112233-4455-6677-8899-aabbccddeeff}', { form: 'guid', guid: '00112233-4455-6677-8899-aabbccddeeff' }],
    ['CN=Exchange Servers,OU=Groups,DC=corp,DC=contoso,DC=test', { form: 'dn', distinguishedName: 'CN=Exchange Servers,OU=Groups,DC=corp,DC=contoso,DC=test' }],
    ['CORP\\svc-sp-central', { form: 'down-level', domain: 'CORP', samAccountName: 'svc-sp-central' }],
    ['alice@corp.contoso.test', { form: 'upn', userPrincipalName: 'alice@corp.contoso.test', localPart: 'alice', domain: 'corp.contoso.test' }],
    ['EXCH01$', { form: 'sam-account-name', samAccountName: 'EXCH01$' }],
    ['Exchange Servers', { form: 'plain', text: 'Exchange Servers' }],
    ['Equals=Sign', { form: 'plain', text: 'Equals=Sign' }],
    ['Back\\Slash', { form: 'down-level', domain: 'Back', samAccountName: 'Slash' }],
    ['Odd Name\\x', { form: 'plain', text: 'Odd Name\\x' }],
    ['All ( ) * \\ , # + ; " < > = Mix', { form: 'plain', text: 'All ( ) * \\ , # + ; " < > = Mix' }],
    ['*)(objectClass=*', { form: 'plain', text: '*)(objectClass=*' }],
    ['Star*Power$', { form: 'plain', text: 'Star*Power$' }],
  ])('reads %j', (input, expected) => {
    expect(classifyName(input)).toEqual(expected);
  });
});
