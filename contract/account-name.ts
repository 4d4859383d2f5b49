/** What naming an account needs: its SID and, when it has one, its pre-Windows 2000 name. */
export type NameableAccount = { readonly sid: string; readonly samAccountName?: string | undefined; readonly name: string };

/** The domain part Windows shows for the built-in groups (Administrators, IIS_IUSRS, …). */
export const BUILTIN_DOMAIN = 'BUILTIN';

/** Built-in groups live in the BUILTIN domain: their SIDs are S-1-5-32-RID on every machine. */
export function isBuiltinSid(sid: string): boolean {
  return /^S-1-5-32-\d+$/i.test(sid);
}

/**
 * How an account is named to an admin everywhere: `CORP\EXCH03$`, `BUILTIN\IIS_IUSRS` for a
 * built-in group, else (an object without a pre-Windows 2000 name) its name.
 *
 * Windows' own tools (whoami, the ACL editor, the connector's tool) say `BUILTIN\`, not the
 * domain's NetBIOS name, for the S-1-5-32 groups: `CORP\IIS_IUSRS` would name an account the
 * domain does not hold.
 */
export function accountNameOf(account: NameableAccount, netbiosDomain: string): string {
  if (!account.samAccountName) return account.name;
  return `${isBuiltinSid(account.sid) ? BUILTIN_DOMAIN : netbiosDomain}\\${account.samAccountName}`;
}
