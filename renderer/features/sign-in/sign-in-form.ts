import type { ChosenCaFile, CloudEnvironment, ConsoleDefaults, IpcRequest } from '../../../contract/index.ts';

/** What the sign-in form holds while the admin types (every text as typed). */
export type SignInForm = {
  readonly environment: CloudEnvironment;
  /** The admin's own service URL, or undefined to use the chosen environment's. */
  readonly serviceUrlOverride: string | undefined;
  readonly username: string;
  readonly password: string;
  readonly mode: 'domain' | 'server';
  readonly domain: string;
  readonly serverUrl: string;
  readonly transport: 'ldaps' | 'starttls';
  /** The CA file main holds for this form (chosen with Choose…, or remembered); null for none. */
  readonly caFile: ChosenCaFile | null;
  readonly serverName: string;
  readonly bindUser: string;
  readonly bindPassword: string;
  /** "Remember my password": keep the typed password in main's vault after signing in. */
  readonly rememberPassword: boolean;
  /** Main holds a password for the prefilled account (cleared by "Forget remembered password"). */
  readonly passwordRemembered: boolean;
  /** The node's `HTTP/` principal for a Kerberos sign-in, when the service URL names an address (blank: from the URL). */
  readonly servicePrincipal: string;
};

/** A form field that client-side validation can flag, in the order the form shows them. */
export type SignInField = 'username' | 'password' | 'domain' | 'serverUrl' | 'bindPassword' | 'serviceUrl';

/** The form's fields in display order, for "focus the first invalid field". */
export const SIGN_IN_FIELD_ORDER: readonly SignInField[] = ['username', 'password', 'domain', 'serverUrl', 'bindPassword', 'serviceUrl'];

/** What an invalid field says. */
export const SIGN_IN_FIELD_MESSAGES: Readonly<Record<SignInField, string>> = {
  username: 'Enter your user name.',
  password: 'Enter your password.',
  domain: 'Enter the domain to find domain controllers in.',
  serverUrl: 'Enter the server URL, such as ldaps://dc1.corp.contoso.com.',
  bindPassword: "Enter the bind account's password, or clear the bind account to read the directory as yourself.",
  serviceUrl: 'Enter the service URL, starting with https://.',
};

/** The service URLs when the defaults could not be read. */
const NO_SERVICE_URLS: Partial<Record<CloudEnvironment, string>> = {};

/**
 * The form prefilled from `console:get-defaults` (or empty when they could not be read).
 *
 * The password and bind password are never prefilled: secrets do not come back from main.
 */
export function initialSignInForm(defaults: ConsoleDefaults | undefined): SignInForm {
  return {
    environment: defaults?.environment ?? 'AzureCloud',
    serviceUrlOverride: undefined,
    username: defaults?.username ?? '',
    password: '',
    mode: defaults?.directory.mode ?? 'domain',
    domain: defaults?.directory.domain ?? '',
    serverUrl: defaults?.directory.serverUrl ?? '',
    transport: defaults?.directory.transport ?? 'ldaps',
    caFile: defaults?.directory.caFile ?? null,
    serverName: defaults?.directory.serverName ?? '',
    bindUser: defaults?.directory.bindUser ?? '',
    bindPassword: '',
    rememberPassword: defaults?.rememberedPassword === true,
    passwordRemembered: defaults?.rememberedPassword === true,
    servicePrincipal: '',
  };
}

/**
 * Whether signing in now would use the remembered password (kept in main, never sent here).
 *
 * Only while the password field is empty and the account is still the one it was
 * remembered for: typing a password or another name means the admin wants that instead.
 */
export function usesRememberedPassword(form: SignInForm, defaults: ConsoleDefaults | undefined): boolean {
  return form.passwordRemembered && form.password === '' && defaults !== undefined && form.username.trim().toLowerCase() === defaults.username.toLowerCase();
}

/**
 * The service URL the form shows: the admin's own if edited, else the environment's default.
 *
 * Switching the environment then shows that environment's URL without losing an edit.
 */
export function effectiveServiceUrl(form: SignInForm, defaults: ConsoleDefaults | undefined): string {
  return form.serviceUrlOverride ?? (defaults?.serviceUrls ?? NO_SERVICE_URLS)[form.environment] ?? '';
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The outcome of building the request: the request, or the fields to fix in display order. */
export type SignInBuild =
  { readonly ok: true; readonly request: IpcRequest<'session:sign-in'> } | { readonly ok: false; readonly invalid: readonly SignInField[] };

/**
 * The `session:sign-in` request for a form, or the required fields still missing.
 *
 * Optional texts left blank are omitted (the contract refuses empty strings), only the
 * chosen directory mode's target is sent, and a bind account needs its password.
 * With the remembered password the request says so instead of carrying one.
 */
export function buildSignInRequest(form: SignInForm, defaults: ConsoleDefaults | undefined, operationId: string): SignInBuild {
  const serviceUrl = text(effectiveServiceUrl(form, defaults));
  const invalid = missingFields(form, serviceUrl, {
    username: text(form.username) === '',
    password: form.password === '' && !usesRememberedPassword(form, defaults),
  });
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    request: {
      environment: form.environment,
      serviceUrl,
      username: text(form.username),
      ...passwordPart(form, defaults),
      directory: directorySettingsOf(form),
      operationId,
    },
  };
}

/**
 * The Kerberos `session:sign-in` request ("Sign in as CORP\alice"): no user name, no password.
 *
 * The directory settings are checked as for a password sign-in (a bind account still needs
 * its password); the service principal goes only when typed.
 */
export function buildKerberosSignInRequest(form: SignInForm, defaults: ConsoleDefaults | undefined, operationId: string): SignInBuild {
  const serviceUrl = text(effectiveServiceUrl(form, defaults));
  const invalid = missingFields(form, serviceUrl, { username: false, password: false });
  if (invalid.length > 0) return { ok: false, invalid };
  const servicePrincipal = optional(form.servicePrincipal);
  return {
    ok: true,
    request: {
      method: 'kerberos',
      environment: form.environment,
      serviceUrl,
      ...(servicePrincipal !== undefined && { servicePrincipal }),
      directory: directorySettingsOf(form),
      operationId,
    },
  };
}

/** Where the directory is, for the Kerberos probe; undefined while the chosen target is blank. */
export function directoryLocationOf(form: SignInForm): IpcRequest<'session:probe-kerberos'>['directory'] | undefined {
  const target = form.mode === 'domain' ? optional(form.domain) : optional(form.serverUrl);
  if (target === undefined) return undefined;
  const serverName = optional(form.serverName);
  return {
    mode: form.mode,
    ...(form.mode === 'domain' ? { domain: target } : { serverUrl: target }),
    transport: form.transport,
    ...(form.caFile !== null && { caFileId: form.caFile.id }),
    ...(serverName !== undefined && { serverName }),
  };
}

const text = (value: string) => value.trim();
const optional = (value: string) => (text(value) === '' ? undefined : text(value));

function missingFields(form: SignInForm, serviceUrl: string, account: Pick<Record<SignInField, boolean>, 'username' | 'password'>): SignInField[] {
  const missing: Record<SignInField, boolean> = {
    ...account,
    domain: form.mode === 'domain' && text(form.domain) === '',
    serverUrl: form.mode === 'server' && text(form.serverUrl) === '',
    // A bind account without its password is refused rather than dropped: dropping it would
    // quietly read the directory with the admin's own account instead of the one chosen.
    bindPassword: text(form.bindUser) !== '' && form.bindPassword === '',
    serviceUrl: !isHttpUrl(serviceUrl),
  };
  return SIGN_IN_FIELD_ORDER.filter((field) => missing[field]);
}

function directorySettingsOf(form: SignInForm): IpcRequest<'session:sign-in'>['directory'] {
  const serverName = optional(form.serverName);
  const bindUser = optional(form.bindUser);
  const bindPassword = form.bindPassword === '' ? undefined : form.bindPassword;
  return {
    mode: form.mode,
    ...(form.mode === 'domain' ? { domain: text(form.domain) } : { serverUrl: text(form.serverUrl) }),
    transport: form.transport,
    ...(form.caFile !== null && { caFileId: form.caFile.id }),
    ...(serverName !== undefined && { serverName }),
    ...(bindUser !== undefined && bindPassword !== undefined && { bindUser, bindPassword }),
  };
}

/**
 * The password part of the request: the typed password (and whether to remember it) or the remembered one.
 *
 * `rememberPassword` is sent only where it changes something: checked (store it), or cleared
 * while a password is remembered (stop remembering it).
 */
function passwordPart(
  form: SignInForm,
  defaults: ConsoleDefaults | undefined,
): { password: string; rememberPassword?: boolean } | { useRememberedPassword: true } {
  if (usesRememberedPassword(form, defaults)) return { useRememberedPassword: true };
  const vaultUsable = defaults?.passwordVault.available === true;
  if (form.rememberPassword && vaultUsable) return { password: form.password, rememberPassword: true };
  if (!form.rememberPassword && form.passwordRemembered) return { password: form.password, rememberPassword: false };
  return { password: form.password };
}
