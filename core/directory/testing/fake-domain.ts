import type { DomainInfo } from '../../../contract/directory.ts';

/**
 * The test domain as a fake directory reports it (unit tests only).
 *
 * One definition for every in-memory directory the unit tests use (main/ipc, the use cases in
 * core/authorization), matching the Samba test domain's names.
 */
export const FAKE_DOMAIN: DomainInfo = {
  defaultNamingContext: 'DC=corp,DC=contoso,DC=test',
  configurationNamingContext: 'CN=Configuration,DC=corp,DC=contoso,DC=test',
  rootDomainNamingContext: 'DC=corp,DC=contoso,DC=test',
  dnsHostName: 'dc1.corp.contoso.test',
  dnsDomainName: 'corp.contoso.test',
  netbiosDomain: 'CORP',
  domainSid: 'S-1-5-21-1-2-3',
  globalCatalogReady: true,
  supportedControls: [],
};
