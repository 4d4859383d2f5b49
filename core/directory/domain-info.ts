import type { DomainInfo } from '../../contract/directory.ts';
import { DirectoryError } from './directory-error.ts';
import { bufferOf, firstOf, valuesOf } from './entry-values.ts';
import { allOf, equals, present } from './ldap-filter.ts';
import type { LdapSession } from './ldap-session.ts';
import { sidFromBuffer } from './sid.ts';

/**
 * Learn the domain from the rootDSE, the domain head and the partitions container.
 *
 * Three reads, once per session, the last two concurrently: naming contexts and DC facts
 * (rootDSE), the domain SID (needed to turn primaryGroupID into a SID), and the NetBIOS name
 * (for `DOMAIN\name`).
 */
export async function discoverDomainInfo(session: LdapSession): Promise<DomainInfo> {
  const [rootDse] = await session.searchAll({
    base: '',
    scope: 'base',
    filter: present('objectClass'),
    attributes: ['defaultNamingContext', 'configurationNamingContext', 'rootDomainNamingContext', 'dnsHostName', 'supportedControl', 'isGlobalCatalogReady'],
  });
  const defaultNamingContext = rootDse ? firstOf(rootDse, 'defaultNamingContext') : undefined;
  const configurationNamingContext = rootDse ? firstOf(rootDse, 'configurationNamingContext') : undefined;
  if (!rootDse || !defaultNamingContext || !configurationNamingContext) {
    throw new DirectoryError(
      'DIRECTORY_ERROR',
      'The server did not publish Active Directory naming contexts in its rootDSE. Is this an Active Directory domain controller?',
    );
  }
  // The domain head and the partitions container do not depend on each other: read both at once.
  const [[domainHead], [partition]] = await Promise.all([
    session.searchAll({ base: defaultNamingContext, scope: 'base', filter: present('objectClass'), attributes: ['objectSid'] }),
    session.searchAll({
      base: `CN=Partitions,${configurationNamingContext}`,
      scope: 'one',
      filter: allOf(equals('nCName', defaultNamingContext), present('nETBIOSName')),
      attributes: ['nETBIOSName', 'dnsRoot'],
    }),
  ]);
  const sidBuffer = domainHead ? bufferOf(domainHead, 'objectSid') : undefined;
  const netbiosDomain = partition ? firstOf(partition, 'nETBIOSName') : undefined;
  if (!sidBuffer || !netbiosDomain) {
    throw new DirectoryError(
      'DIRECTORY_ERROR',
      'The domain SID or NetBIOS name could not be read. Check that the bind account can read the domain head and the configuration partition.',
    );
  }
  return {
    defaultNamingContext,
    configurationNamingContext,
    rootDomainNamingContext: firstOf(rootDse, 'rootDomainNamingContext') ?? defaultNamingContext,
    dnsHostName: firstOf(rootDse, 'dnsHostName') ?? '',
    dnsDomainName: (partition && firstOf(partition, 'dnsRoot')) ?? dnsNameOf(defaultNamingContext),
    netbiosDomain,
    domainSid: sidFromBuffer(sidBuffer),
    globalCatalogReady: firstOf(rootDse, 'isGlobalCatalogReady')?.toUpperCase() === 'TRUE',
    supportedControls: valuesOf(rootDse, 'supportedControl'),
  };
}

/** `DC=corp,DC=contoso,DC=test` → `corp.contoso.test`. */
export function dnsNameOf(namingContext: string): string {
  return namingContext
    .split(',')
    .filter((part) => /^dc=/i.test(part.trim()))
    .map((part) => part.trim().slice(3))
    .join('.')
    .toLowerCase();
}
