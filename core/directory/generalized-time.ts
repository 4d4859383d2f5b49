/**
 * An LDAP GeneralizedTime (`20261206041415.0Z`, as whenCreated and whenChanged hold it) in ISO
 * 8601; anything else is left out.
 *
 * Active Directory always answers in UTC with the `Z` suffix, so no offset form is needed.
 */
export function isoFromGeneralizedTime(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return `${year ?? ''}-${month ?? ''}-${day ?? ''}T${hour ?? ''}:${minute ?? ''}:${second ?? ''}Z`;
}
