import type { SearchLocation } from '../../../contract/index.ts';

type Rdn = { readonly type: string; readonly value: string };

/** A DN's parts, first (the object's own name) to last (the domain); escaped commas kept. */
function rdnsOf(distinguishedName: string): Rdn[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < distinguishedName.length; index += 1) {
    const character = distinguishedName.charAt(index);
    if (character === '\\' && index + 1 < distinguishedName.length) {
      current += distinguishedName.charAt(index + 1);
      index += 1;
    } else if (character === ',') {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  return parts.map((part) => {
    const equals = part.indexOf('=');
    return { type: part.slice(0, Math.max(equals, 0)).trim().toUpperCase(), value: part.slice(equals + 1).trim() };
  });
}

/** The DNS name of the domain a DN lies in (`DC=corp,DC=contoso,DC=test` → `corp.contoso.test`). */
export function domainNameOf(distinguishedName: string): string {
  return rdnsOf(distinguishedName)
    .filter((rdn) => rdn.type === 'DC')
    .map((rdn) => rdn.value)
    .join('.');
}

/** The DN of the container holding this one (its first part removed), escapes untouched. */
export function parentDnOf(distinguishedName: string): string {
  const match = /^(?:[^,\\]|\\.)*,(.*)$/s.exec(distinguishedName);
  return match?.[1] ?? '';
}

/**
 * A container as ADUC's "In Folder" writes it: `corp.contoso.test/Servers/File Servers`.
 *
 * Read from the DN itself, so the tree and the stale-results note need no extra directory call.
 */
export function containerPathOf(distinguishedName: string): string {
  const rdns = rdnsOf(distinguishedName);
  const names = rdns.filter((rdn) => rdn.type !== 'DC').map((rdn) => rdn.value);
  return [domainNameOf(distinguishedName), ...names.reverse()].filter((part) => part !== '').join('/');
}

/** A search location in words: "Entire domain", "Global catalog" or the container's path. */
export function locationLabel(location: SearchLocation): string {
  switch (location.kind) {
    case 'domain':
      return 'Entire domain';
    case 'global-catalog':
      return 'Global catalog';
    case 'container':
      return containerPathOf(location.distinguishedName);
  }
}
