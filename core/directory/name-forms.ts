import { parseDn } from './dn.ts';
import { parseGuid } from './guid.ts';
import { isSidString, normalizeSid } from './sid.ts';

/** The forms an admin may type into "Check Names", each with what it pins down. */
export type NameForm =
  | { readonly form: 'sid'; readonly sid: string }
  | { readonly form: 'guid'; readonly guid: string }
  | { readonly form: 'dn'; readonly distinguishedName: string }
  | { readonly form: 'down-level'; readonly domain: string; readonly samAccountName: string }
  | { readonly form: 'upn'; readonly userPrincipalName: string; readonly localPart: string; readonly domain: string }
  | { readonly form: 'sam-account-name'; readonly samAccountName: string }
  | { readonly form: 'plain'; readonly text: string };

/** The longest name the console accepts: AD's cn is at most 64, a DN in practice well under this. */
export const MAX_NAME_LENGTH = 1024;

const KNOWN_RDN_TYPES = new Set(['cn', 'ou', 'dc', 'o', 'l', 'st', 'c', 'street', 'uid']);
const NETBIOS_NAME = /^[^\\/:*?"<>|.\s][^\\/:*?"<>|\s]{0,14}$/;
const DNS_DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const SAM_INVALID = /["/\\[\]:;|=,+*?<>]/;

/**
 * Decide which form a typed name has.
 *
 * Order matters: a SID or GUID is unambiguous; a DN needs every RDN type to be one AD uses
 * (so a name like "a=b" stays a name); `DOMAIN\name` needs a NetBIOS-shaped prefix (so a cn
 * containing a backslash stays a name); `name$` and UPNs need sAMAccountName-legal text.
 */
export function classifyName(input: string): NameForm {
  const text = input.trim();
  if (isSidString(text)) return { form: 'sid', sid: normalizeSid(text.toUpperCase()) };
  const guid = parseGuid(text);
  if (guid) return { form: 'guid', guid };
  if (text.includes('=')) {
    const rdns = parseDn(text);
    if (rdns && rdns.every((rdn) => KNOWN_RDN_TYPES.has(rdn.type.toLowerCase()))) return { form: 'dn', distinguishedName: text };
  }
  const backslash = text.indexOf('\\');
  if (backslash > 0) {
    const domain = text.slice(0, backslash);
    const samAccountName = text.slice(backslash + 1);
    if ((NETBIOS_NAME.test(domain) || DNS_DOMAIN.test(domain)) && samAccountName !== '' && !SAM_INVALID.test(samAccountName)) {
      return { form: 'down-level', domain, samAccountName };
    }
  }
  const at = text.lastIndexOf('@');
  if (at > 0 && at < text.length - 1 && !/\s/.test(text) && !SAM_INVALID.test(text.slice(0, at))) {
    return { form: 'upn', userPrincipalName: text, localPart: text.slice(0, at), domain: text.slice(at + 1) };
  }
  if (text.endsWith('$') && text.length > 1 && !SAM_INVALID.test(text) && !/\s/.test(text)) {
    return { form: 'sam-account-name', samAccountName: text };
  }
  // A cn may really begin or end with a space (" Leading Space"): keep the text as typed, and
  // let resolution try the trimmed form as well.
  return { form: 'plain', text: input };
}
