import { describe, expect, it } from 'vitest';
import { containerPathOf, domainNameOf, locationLabel, parentDnOf } from './container-path.ts';

describe('container paths', () => {
  it('writes a container as In Folder does, escaped commas included', () => {
    const dn = 'OU=Smith\\, John,OU=Sales,DC=corp,DC=contoso,DC=test';
    expect([containerPathOf(dn), domainNameOf(dn), parentDnOf(dn)]).toEqual([
      'corp.contoso.test/Sales/Smith, John',
      'corp.contoso.test',
      'OU=Sales,DC=corp,DC=contoso,DC=test',
    ]);
  });

  it('names each kind of location', () => {
    expect([
      locationLabel({ kind: 'domain' }),
      locationLabel({ kind: 'global-catalog' }),
      locationLabel({ kind: 'container', distinguishedName: 'DC=corp,DC=contoso,DC=test' }),
    ]).toEqual(['Entire domain', 'Global catalog', 'corp.contoso.test']);
  });
});
