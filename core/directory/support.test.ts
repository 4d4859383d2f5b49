import { describe, expect, it } from 'vitest';
import { inFolderOf } from './canonical-name.ts';
import { discoverDomainControllers } from './dc-discovery.ts';
import { groupFactsOf, kindOf } from './directory-object.ts';
import { parseLdapUrl } from './ldap-url.ts';
import { broadPrincipalOf } from './well-known-principals.ts';

describe('inFolderOf', () => {
  it('drops the last component, skipping escaped slashes', () => {
    expect([inFolderOf('corp.contoso.test/Contoso/People/alice'), inFolderOf('corp.contoso.test/Odd\\/Name/x\\/y')]).toEqual([
      'corp.contoso.test/Contoso/People',
      'corp.contoso.test/Odd\\/Name',
    ]);
  });
});

describe('groupFactsOf', () => {
  it.each([
    [-2147483640, { scope: 'universal', security: true }],
    [-2147483646, { scope: 'global', security: true }],
    [-2147483644, { scope: 'domain-local', security: true }],
    [-2147483643, { scope: 'builtin-local', security: true }],
    [8, { scope: 'universal', security: false }],
  ])('reads groupType %i', (groupType, expected) => {
    expect(groupFactsOf(groupType)).toEqual(expected);
  });
});

describe('kindOf', () => {
  it('picks the most specific class', () => {
    expect([
      kindOf(['top', 'person', 'organizationalperson', 'user', 'computer']),
      kindOf(['top', 'foreignsecurityprincipal']),
      kindOf(['top', 'group']),
    ]).toEqual(['computer', 'foreign-principal', 'group']);
  });
});

describe('broadPrincipalOf', () => {
  it('flags well-known broad SIDs and the broad domain groups of any domain', () => {
    const names = ['S-1-1-0', 'S-1-5-11', 'S-1-5-32-545', 'S-1-5-21-1-2-3-513', 'S-1-5-21-9-9-9-515', 'S-1-5-21-1-2-3-512', 'S-1-5-21-1-2-3-1105'].map(
      (sid) => broadPrincipalOf(sid)?.name,
    );
    expect(names).toEqual(['Everyone', 'Authenticated Users', 'Users', 'Domain Users', 'Domain Computers', undefined, undefined]);
  });
});

describe('parseLdapUrl', () => {
  it('fills in the default ports', () => {
    expect([parseLdapUrl('ldaps://dc1.corp.contoso.test').port, parseLdapUrl('ldap://dc1.corp.contoso.test').port]).toEqual([636, 389]);
  });

  it.each(['http://dc1', 'ldaps://user:pw@dc1', 'ldaps://dc1/DC=x', 'ldaps://dc1?x', 'not a url', 'ldaps://'])('refuses %j', (text) => {
    expect(() => parseLdapUrl(text)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('discoverDomainControllers', () => {
  it('orders SRV targets by priority then weight', async () => {
    const resolver = {
      resolveSrv: () =>
        Promise.resolve([
          { name: 'dc2.corp.contoso.test.', port: 389, priority: 10, weight: 50 },
          { name: 'DC1.corp.contoso.test', port: 389, priority: 0, weight: 100 },
          { name: 'dc3.corp.contoso.test', port: 389, priority: 10, weight: 90 },
        ]),
    };
    expect((await discoverDomainControllers('corp.contoso.test', resolver)).map((dc) => dc.hostName)).toEqual([
      'dc1.corp.contoso.test',
      'dc3.corp.contoso.test',
      'dc2.corp.contoso.test',
    ]);
  });

  it('refuses text that is not a domain name before asking DNS', async () => {
    const resolver = { resolveSrv: () => Promise.reject(new Error('must not be called')) };
    await expect(discoverDomainControllers('corp)(x', resolver)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
