import { describe, expect, it } from 'vitest';
import { globalCatalogEndpoint } from './connect-directory.ts';
import { parseLdapUrl } from './ldap-url.ts';

describe('globalCatalogEndpoint', () => {
  it.each([
    ['ldaps://dc01.corp.contoso.test', 'ldaps', 'ldaps://dc01.corp.contoso.test:3269'],
    ['ldaps://127.0.0.1:636', 'ldaps', 'ldaps://127.0.0.1:3269'],
    ['ldap://dc01.corp.contoso.test:389', 'starttls', 'ldap://dc01.corp.contoso.test:3268'],
    ['ldaps://[::1]:636', 'ldaps', 'ldaps://[::1]:3269'],
    ['ldaps://127.0.0.1:10636', 'ldaps', 'ldaps://127.0.0.1:10636'],
  ] as const)('moves %s to the Global Catalog port when it is a domain port (%s)', (url, transport, expected) => {
    expect(globalCatalogEndpoint(parseLdapUrl(url), url, transport).url).toEqual(expected);
  });
});
