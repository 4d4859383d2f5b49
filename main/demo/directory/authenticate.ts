import { timingSafeEqual } from 'node:crypto';
import { dnKey, textOf, type DirectoryEntry, type DirectoryStore } from './directory-store.ts';
import { LdapFailure, RESULT } from './ldap-failure.ts';

/** The DC's names a bind account may be qualified with. */
export type DomainNames = { readonly netbiosDomain: string; readonly dnsName: string };

/** AD's lockout policy as the Samba scenario sets it: 10 bad passwords, then locked until reset. */
const LOCKOUT_THRESHOLD = 10;

/**
 * Simple binds as AD answers them: DN, UPN (explicit or the implicit sAMAccountName@domain),
 * `DOMAIN\user` or a bare sAMAccountName; a failure is result 49 with the Windows error in
 * the diagnostic (`data 52e` bad password, `533` disabled, `775` locked), which is where
 * the console reads the reason. Disabled is only revealed to the right password, as in AD.
 */
export function createAuthenticator(store: DirectoryStore, passwords: ReadonlyMap<string, string>, names: DomainNames) {
  const badPasswords = new Map<string, number>();

  function findAccount(name: string): DirectoryEntry | undefined {
    const trimmed = name.trim();
    if (trimmed.includes('=')) {
      return dnKey(trimmed) === undefined ? undefined : store.get(trimmed);
    }
    const backslash = trimmed.indexOf('\\');
    if (backslash > 0) {
      const domain = trimmed.slice(0, backslash).toLowerCase();
      if (domain !== names.netbiosDomain.toLowerCase() && domain !== names.dnsName.toLowerCase()) return undefined;
      return bySamAccountName(trimmed.slice(backslash + 1));
    }
    const at = trimmed.lastIndexOf('@');
    if (at > 0) {
      const upn = trimmed.toLowerCase();
      const explicit = store.all().find((entry) => textOf(entry, 'userPrincipalName')?.toLowerCase() === upn);
      if (explicit) return explicit;
      const suffix = trimmed.slice(at + 1).toLowerCase();
      return suffix === names.dnsName.toLowerCase() ? bySamAccountName(trimmed.slice(0, at)) : undefined;
    }
    return bySamAccountName(trimmed);
  }

  function bySamAccountName(account: string): DirectoryEntry | undefined {
    const wanted = account.toLowerCase();
    return store.all().find((entry) => textOf(entry, 'sAMAccountName')?.toLowerCase() === wanted);
  }

  return {
    /** Check a simple bind; returns the account's DN or throws the AD-shaped failure. */
    bind(name: string, password: string): string {
      const account = findAccount(name);
      const expected = account ? passwords.get(account.dn) : undefined;
      const locked = account !== undefined && (Number(textOf(account, 'lockoutTime') ?? 0) !== 0 || (badPasswords.get(account.key) ?? 0) >= LOCKOUT_THRESHOLD);
      if (account && locked) throw invalidCredentials('775');
      if (!account || expected === undefined || !samePassword(expected, password)) {
        if (account && expected !== undefined) badPasswords.set(account.key, (badPasswords.get(account.key) ?? 0) + 1);
        throw invalidCredentials('52e');
      }
      if ((Number(textOf(account, 'userAccountControl') ?? 0) & 0x2) !== 0) throw invalidCredentials('533');
      badPasswords.delete(account.key);
      return account.dn;
    },
  };
}

/** The authenticator's interface. */
export type Authenticator = ReturnType<typeof createAuthenticator>;

function invalidCredentials(subcode: string): LdapFailure {
  return new LdapFailure(RESULT.invalidCredentials, `80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data ${subcode}, v4563`);
}

function samePassword(expected: string, given: string): boolean {
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(given, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
