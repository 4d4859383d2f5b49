/**
 * The Contoso test domain's fixed names.
 *
 * One definition for the Samba test DC (e2e/ad) and the built-in demo directory, so test
 * expectations (DNs, UPNs, the DC's certificate name) read the same against both.
 */
export const contosoDomain = {
  realm: 'CORP.CONTOSO.TEST',
  dnsName: 'corp.contoso.test',
  netbiosDomain: 'CORP',
  hostName: 'DC1',
  serverName: 'dc1.corp.contoso.test',
  baseDn: 'DC=corp,DC=contoso,DC=test',
} as const;
