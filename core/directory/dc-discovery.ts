import type { SrvRecord } from 'node:dns';
import { DirectoryError } from './directory-error.ts';

/** The part of a DNS resolver discovery needs (node:dns/promises Resolver satisfies it). */
export type SrvResolver = { resolveSrv(name: string): Promise<SrvRecord[]> };

/** A domain controller found in DNS. */
export type DiscoveredDomainController = { readonly hostName: string; readonly port: number; readonly priority: number; readonly weight: number };

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/**
 * Find the domain's DCs from `_ldap._tcp.dc._msdcs.<domain>` SRV records.
 *
 * Sorted by priority, then by weight (heaviest first), as RFC 2782 intends: the caller tries
 * them in order. The LDAP port of the record is reported; the caller decides LDAPS/StartTLS.
 */
export async function discoverDomainControllers(domain: string, resolver: SrvResolver): Promise<DiscoveredDomainController[]> {
  const normalized = domain.trim().replace(/\.$/, '').toLowerCase();
  if (!DOMAIN_NAME.test(normalized)) {
    throw new DirectoryError('INVALID_INPUT', `"${domain}" is not a DNS domain name. Give the domain's DNS name, for example corp.contoso.com.`);
  }
  let records: SrvRecord[];
  try {
    records = await resolver.resolveSrv(`_ldap._tcp.dc._msdcs.${normalized}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DirectoryError('DNS_DISCOVERY_FAILED', undefined, detail);
  }
  if (records.length === 0) throw new DirectoryError('DNS_DISCOVERY_FAILED');
  return records
    .map((record) => ({ hostName: record.name.replace(/\.$/, '').toLowerCase(), port: record.port, priority: record.priority, weight: record.weight }))
    .sort((left, right) => left.priority - right.priority || right.weight - left.weight || left.hostName.localeCompare(right.hostName));
}
