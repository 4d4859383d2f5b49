import type { BroadPrincipal } from '../../contract/directory.ts';
import { ridOf } from './sid.ts';

const BROAD_FIXED: Readonly<Record<string, string>> = {
  'S-1-1-0': 'Everyone',
  'S-1-2-0': 'Local',
  'S-1-5-1': 'Dialup',
  'S-1-5-2': 'Network',
  'S-1-5-4': 'Interactive',
  'S-1-5-7': 'Anonymous Logon',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-15': 'This Organization',
  'S-1-5-1000': 'Other Organization',
  'S-1-5-113': 'Local account',
  'S-1-5-32-545': 'Users',
  'S-1-5-32-546': 'Guests',
  'S-1-5-32-554': 'Pre-Windows 2000 Compatible Access',
};

const BROAD_DOMAIN_RIDS: Readonly<Record<number, string>> = {
  513: 'Domain Users',
  514: 'Domain Guests',
  515: 'Domain Computers',
};

/**
 * Tell whether a SID is a broad well-known principal, and why that matters.
 *
 * Authorizing one of these for the connector hands it to (nearly) every account in the
 * forest (Domain Users of any domain counts, trusted domains included); for the Exchange role it would make all of them super users.
 */
export function broadPrincipalOf(sid: string): BroadPrincipal | undefined {
  const fixedName = BROAD_FIXED[sid.toUpperCase()];
  if (fixedName) return { name: fixedName, reason: `${fixedName} includes nearly every account; it must never be authorized.` };
  if (/^S-1-5-21-\d+-\d+-\d+-\d+$/i.test(sid)) {
    const domainName = BROAD_DOMAIN_RIDS[ridOf(sid)];
    if (domainName) return { name: domainName, reason: `${domainName} contains every account of its kind in the domain; it must never be authorized.` };
  }
  return undefined;
}
