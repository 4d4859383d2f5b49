import type { ResultAttribute } from './ldap-messages.ts';

/** The controls AD lists in supportedControl that the console may look for. */
export const SUPPORTED_CONTROLS = [
  '1.2.840.113556.1.4.319', // paged results
  '1.2.840.113556.1.4.801', // security descriptor flags
  '1.2.840.113556.1.4.473', // server-side sort
  '1.2.840.113556.1.4.528', // notification
  '1.2.840.113556.1.4.417', // show deleted
  '1.2.840.113556.1.4.1339', // domain scope
  '1.2.840.113556.1.4.529', // extended DN
  '1.2.840.113556.1.4.1413', // permissive modify
];

/** What the rootDSE describes: this DC and its naming contexts. */
export type RootDseFacts = { readonly baseDn: string; readonly serverName: string; readonly hostName: string; readonly dnsName: string };

/**
 * The rootDSE as AD publishes it to an anonymous or bound client: naming contexts, the
 * DC's names, LDAP policies (MaxPageSize 1000) and capabilities.
 */
export function rootDseAttributes(facts: RootDseFacts, now: Date): ResultAttribute[] {
  const configuration = `CN=Configuration,${facts.baseDn}`;
  const serverDn = `CN=${facts.hostName},CN=Servers,CN=Default-First-Site-Name,CN=Sites,${configuration}`;
  const attributes: Record<string, string[]> = {
    currentTime: [
      now
        .toISOString()
        .replace(/[-:T]/g, '')
        .replace(/\.\d+Z$/, '.0Z'),
    ],
    subschemaSubentry: [`CN=Aggregate,CN=Schema,${configuration}`],
    dsServiceName: [`CN=NTDS Settings,${serverDn}`],
    namingContexts: [facts.baseDn, configuration, `CN=Schema,${configuration}`],
    defaultNamingContext: [facts.baseDn],
    rootDomainNamingContext: [facts.baseDn],
    configurationNamingContext: [configuration],
    schemaNamingContext: [`CN=Schema,${configuration}`],
    serverName: [serverDn],
    supportedControl: SUPPORTED_CONTROLS,
    supportedLDAPVersion: ['3', '2'],
    supportedLDAPPolicies: ['MaxPoolThreads', 'MaxPageSize', 'MaxQueryDuration', 'MaxResultSetSize', 'MaxValRange'],
    supportedSASLMechanisms: ['GSSAPI', 'GSS-SPNEGO', 'EXTERNAL', 'DIGEST-MD5'],
    supportedCapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670', '1.2.840.113556.1.4.1791', '1.2.840.113556.1.4.1935'],
    dnsHostName: [facts.serverName],
    ldapServiceName: [`${facts.dnsName}:${facts.hostName.toLowerCase()}$@${facts.dnsName.toUpperCase()}`],
    isSynchronized: ['TRUE'],
    isGlobalCatalogReady: ['TRUE'],
    domainFunctionality: ['7'],
    forestFunctionality: ['7'],
    domainControllerFunctionality: ['7'],
  };
  return Object.entries(attributes).map(([name, values]) => ({ name, values: values.map((value) => Buffer.from(value, 'utf8')) }));
}
