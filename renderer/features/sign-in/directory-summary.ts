import type { IpcError } from '../../../contract/index.ts';
import type { SignInField, SignInForm } from './sign-in-form.ts';

/** The fields of the Directory group that validation can flag. */
const DIRECTORY_FIELDS: readonly SignInField[] = ['domain', 'serverUrl', 'bindPassword'];

const TRANSPORT_LABELS = { ldaps: 'LDAPS', starttls: 'StartTLS' } as const;

/** Whether the form names where the domain controllers are (a domain or a server URL, as its mode says). */
export function hasDirectoryTarget(form: SignInForm): boolean {
  return (form.mode === 'domain' ? form.domain : form.serverUrl).trim() !== '';
}

/**
 * The Directory group in one line, as the collapsed sign-in form shows it.
 *
 * What an admin checks before signing in: which DC or domain, how it is secured, and what
 * else differs from the plain case (certificate name, CA file, bind account). For example
 * `dc1.corp.contoso.test (LDAPS, CA file contoso-root.cer, bind account svc-browse)`.
 */
export function directorySummary(form: SignInForm): string {
  const target = form.mode === 'domain' ? `Domain ${form.domain.trim()}` : form.serverUrl.trim();
  const details = [
    TRANSPORT_LABELS[form.transport],
    form.serverName.trim() === '' ? undefined : `certificate name ${form.serverName.trim()}`,
    form.caFile === null ? undefined : `CA file ${form.caFile.name}`,
    form.bindUser.trim() === '' ? undefined : `bind account ${form.bindUser.trim()}`,
  ].filter((part) => part !== undefined);
  return `${target} (${details.join(', ')})`;
}

/** Directory failures that the Directory group's own values cause (where, how secured, which certificate). */
const DIRECTORY_SETTING_CODES: ReadonlySet<string> = new Set([
  'STRONG_AUTH_REQUIRED',
  'PLAINTEXT_REFUSED',
  'CERT_UNTRUSTED',
  'CERT_NAME_MISMATCH',
  'CERT_EXPIRED',
  'STARTTLS_FAILED',
  'UNREACHABLE',
  'TIMEOUT',
  'DNS_DISCOVERY_FAILED',
]);

/**
 * Whether the Directory group must be open: nothing configured yet, a field of it flagged,
 * or a directory failure its values caused — the connection settings, or with a bind account
 * given, any refusal of the bind (that account and password are in the group too). The
 * admin's own wrong password is not the group's doing: it stays closed.
 */
export function directoryNeedsAttention(form: SignInForm, invalid: ReadonlySet<SignInField>, failure: IpcError | undefined): boolean {
  const causedByGroup = failure?.source === 'directory' && (DIRECTORY_SETTING_CODES.has(failure.code) || form.bindUser.trim() !== '');
  return !hasDirectoryTarget(form) || DIRECTORY_FIELDS.some((field) => invalid.has(field)) || causedByGroup;
}
