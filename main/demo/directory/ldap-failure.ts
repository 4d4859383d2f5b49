/** LDAP result codes the demo directory answers with (RFC 4511 §4.1.9). */
export const RESULT = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  authMethodNotSupported: 7,
  unavailableCriticalExtension: 12,
  inappropriateMatching: 18,
  noSuchObject: 32,
  invalidDnSyntax: 34,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  unwillingToPerform: 53,
} as const;

/**
 * A request the directory refuses: the result code and AD-style diagnostic to answer with.
 *
 * Thrown inside request handling and turned into the operation's response, so one bad
 * request never ends the connection.
 */
export class LdapFailure extends Error {
  readonly resultCode: number;
  readonly matchedDn: string;

  constructor(resultCode: number, diagnostic: string, matchedDn = '') {
    super(diagnostic);
    this.name = 'LdapFailure';
    this.resultCode = resultCode;
    this.matchedDn = matchedDn;
  }
}
