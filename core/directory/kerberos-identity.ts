import type { DirectoryObject } from '../../contract/directory.ts';
import { parseClientPrincipal } from '../kerberos/index.ts';
import { DirectoryError } from './directory-error.ts';
import type { Directory } from './directory-service.ts';

/** Who a Kerberos session is, as an admin reads it: `CORP\alice`, with the ticket's principal. */
export type KerberosIdentity = {
  /** `alice@CORP.CONTOSO.TEST`, as the KDC issued it. */
  readonly principal: string;
  /** `CORP\alice`: the domain's NetBIOS name and the account's sAMAccountName, read from the directory. */
  readonly account: string;
  readonly userPrincipalName: string | undefined;
  readonly displayName: string | undefined;
  readonly object: DirectoryObject;
};

/**
 * The account behind a directory session opened with a ticket.
 *
 * The name shown comes from the directory, not from the ticket's text: the ticket only says
 * which principal to look up (`alice@CORP.CONTOSO.TEST` is `CORP\alice` when the realm is the
 * domain's; a principal of another realm or of no account here is refused with its code).
 */
export async function kerberosIdentityOf(directory: Directory, signal?: AbortSignal): Promise<KerberosIdentity> {
  const principal = directory.kerberosPrincipal();
  if (principal === undefined) throw new DirectoryError('INVALID_INPUT', 'This directory session was not opened with a Kerberos ticket.');
  const parsed = parseClientPrincipal(principal);
  const unmapped = (): DirectoryError =>
    new DirectoryError(
      'KERBEROS_UNMAPPED_PRINCIPAL',
      `The Kerberos principal ${principal} maps to no user account in ${directory.domain.dnsDomainName}. Sign in with an account of this domain, or with a password.`,
    );
  if (parsed === undefined || parsed.realm.toLowerCase() !== directory.domain.dnsDomainName.toLowerCase()) throw unmapped();
  const [resolution] = await directory.resolveNames([`${directory.domain.netbiosDomain}\\${parsed.name}`], {
    types: ['user', 'service-account'],
    ...(signal ? { signal } : {}),
  });
  if (resolution?.status !== 'resolved' || resolution.object.samAccountName === undefined) throw unmapped();
  const { object } = resolution;
  return {
    principal,
    account: `${directory.domain.netbiosDomain}\\${object.samAccountName ?? parsed.name}`,
    userPrincipalName: object.userPrincipalName,
    displayName: object.displayName,
    object,
  };
}
