import type { Directory } from '../../core/directory/index.ts';

/** `CORP\alice`: a NetBIOS domain, a backslash, a logon name. */
const DOWN_LEVEL_NAME = /^[^\\]+\\[^\\]+$/;

/**
 * The signed-in admin as `DOMAIN\sam`, read from the directory by the SID the service gave.
 *
 * What Windows tools show for an account; the service names a password sign-in by the UPN
 * typed. A name already in that form (the Kerberos path reads it from the directory) is kept.
 * An account the directory cannot show (not found, not readable) leaves it unknown: the
 * status bar then shows the service's name, and the sign-in itself never fails over it.
 */
export async function adminAccountOf(
  directory: Pick<Directory, 'domain' | 'objectBySid'>,
  sid: string,
  name: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (DOWN_LEVEL_NAME.test(name)) return name;
  try {
    const object = await directory.objectBySid(sid, signal);
    return object?.samAccountName === undefined ? undefined : `${directory.domain.netbiosDomain}\\${object.samAccountName}`;
  } catch {
    return undefined;
  }
}
