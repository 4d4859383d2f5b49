import type { DomainInfo } from '../../contract/directory.ts';
import { formatDn, parseDn } from '../../core/directory/index.ts';
import { invalidRequest } from './console-failure.ts';
import { printable } from './request-issues.ts';

/**
 * Check a container DN from the renderer lies inside the signed-in domain, and re-escape it.
 *
 * The object picker's OU tree only ever offers containers of this domain; anything else (a
 * configuration partition, another domain, text that is not a DN) is refused before it
 * reaches the directory, and what is sent is rebuilt from parsed parts, never the raw text.
 */
export function containerWithinDomain(distinguishedName: string, domain: DomainInfo): string {
  const rdns = parseDn(distinguishedName.trim());
  if (rdns === undefined) {
    throw invalidRequest(
      `"${printable(distinguishedName)}" is not a distinguished name. Pick a container from the tree, for example OU=Servers,${domain.defaultNamingContext}.`,
    );
  }
  const root = parseDn(domain.defaultNamingContext) ?? [];
  const tail = rdns.slice(rdns.length - root.length);
  const inside =
    root.length > 0 &&
    rdns.length >= root.length &&
    tail.every((part, index) => sameText(part.type, root[index]?.type) && sameText(part.value, root[index]?.value));
  if (!inside)
    throw invalidRequest(
      `"${printable(distinguishedName)}" is not inside the domain ${domain.dnsDomainName} (${domain.defaultNamingContext}). Pick a container of this domain.`,
    );
  return formatDn(rdns);
}

function sameText(left: string, right: string | undefined): boolean {
  return right !== undefined && left.localeCompare(right, undefined, { sensitivity: 'accent' }) === 0;
}
