import { InvalidCredentialsError, StrongAuthRequiredError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { classifyLdapError } from './classify-ldap-error.ts';

const adBindError = (data: string) =>
  new InvalidCredentialsError(`80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data ${data}, v4563`);
const socketError = (code: string) => Object.assign(new Error(code), { code });

describe('classifyLdapError', () => {
  it.each([
    [adBindError('52e'), 'INVALID_CREDENTIALS'],
    [adBindError('525'), 'INVALID_CREDENTIALS'],
    [adBindError('775'), 'ACCOUNT_LOCKED'],
    [adBindError('533'), 'ACCOUNT_DISABLED'],
    [adBindError('532'), 'PASSWORD_EXPIRED'],
    [adBindError('773'), 'PASSWORD_EXPIRED'],
    [adBindError('701'), 'ACCOUNT_EXPIRED'],
    [new StrongAuthRequiredError('00002028: LdapErr: DSID-0C090256, comment: The server requires binds to turn on integrity checking'), 'STRONG_AUTH_REQUIRED'],
    [socketError('ERR_TLS_CERT_ALTNAME_INVALID'), 'CERT_NAME_MISMATCH'],
    [socketError('SELF_SIGNED_CERT_IN_CHAIN'), 'CERT_UNTRUSTED'],
    [socketError('CERT_HAS_EXPIRED'), 'CERT_EXPIRED'],
    [socketError('ECONNREFUSED'), 'UNREACHABLE'],
    [new Error('Connection timeout'), 'TIMEOUT'],
    [socketError('ECONNRESET'), 'CONNECTION_LOST'],
  ])('maps %s to %s', (error, code) => {
    expect(classifyLdapError(error).code).toEqual(code);
  });

  it('keeps the server text as detail and speaks plainly in the message', () => {
    const classified = classifyLdapError(adBindError('775'));
    expect([classified.message, classified.detail]).toEqual([expect.stringMatching(/locked out/), expect.stringMatching(/data 775/)]);
  });
});
