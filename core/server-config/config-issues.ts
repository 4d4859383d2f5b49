import type { ServerConfigNotice } from '../../contract/server-config.ts';

/**
 * Why an input was refused, with a stable code and a sentence that says what to type instead.
 *
 * Messages never repeat a user name or password found in a URL: they may end up in tickets.
 */
export type InputIssue = {
  readonly code: InputIssueCode;
  readonly field: 'connectorUrl' | 'tenantUrl' | 'profile';
  readonly message: string;
};

/** The codes of {@link InputIssue}. */
export type InputIssueCode =
  | 'URL_MISSING'
  | 'URL_TOO_LONG'
  | 'URL_CONTROL_CHARACTER'
  | 'URL_QUOTE'
  | 'URL_WHITESPACE'
  | 'URL_NON_ASCII'
  | 'URL_NO_SCHEME'
  | 'URL_SCHEME_NOT_HTTP'
  | 'URL_MALFORMED'
  | 'URL_USERINFO'
  | 'URL_PATH'
  | 'URL_QUERY_OR_FRAGMENT'
  | 'URL_BAD_PORT'
  | 'URL_BAD_HOST'
  | 'TENANT_URL_NOT_HTTPS'
  | 'TENANT_URL_IP_ADDRESS'
  | 'TENANT_URL_PORT'
  | 'CONNECTOR_URL_IS_TENANT'
  | 'PROFILE_UNKNOWN';

/**
 * Something the admin should know about an accepted input or the result, not a refusal.
 *
 * `warning` asks for a look before deploying; `info` only explains a normalisation. The
 * contract's notice, with the code narrowed to the codes core writes.
 */
export type Notice = Readonly<Omit<ServerConfigNotice, 'code'>> & { readonly code: NoticeCode };

/** The codes of {@link Notice}. */
export type NoticeCode =
  | 'CONNECTOR_PLAIN_HTTP'
  | 'CONNECTOR_IP_ADDRESS'
  | 'CONNECTOR_LOCALHOST'
  | 'CONNECTOR_SINGLE_LABEL'
  | 'CONNECTOR_NON_STANDARD_PORT'
  | 'URL_DEFAULT_PORT_REMOVED'
  | 'URL_PUNYCODE'
  | 'TENANT_URL_PATH_REMOVED'
  | 'TENANT_URL_UNUSUAL'
  | 'NEVER_A_SINGLE_NODE'
  | 'CONNECTOR_URL_RENAME'
  | 'NOT_ON_CONNECTOR_SERVERS'
  | 'CLIENT_APPS_ON_SERVERS';

/** A successful check of one input, or the reason it was refused. */
export type Checked<T> = { readonly ok: true; readonly value: T; readonly notices: readonly Notice[] } | { readonly ok: false; readonly issue: InputIssue };
