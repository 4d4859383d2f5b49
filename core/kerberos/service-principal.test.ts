import { describe, expect, it } from 'vitest';
import { classifyGssError } from './classify-gss-error.ts';
import { gssTargetOf, parseClientPrincipal, servicePrincipalName } from './service-principal.ts';

describe('service principal names', () => {
  it('names a service by the fully qualified host, lower case, without a trailing dot', () => {
    expect(servicePrincipalName('ldap', 'DC1.corp.contoso.test.')).toBe('ldap/dc1.corp.contoso.test');
    expect(servicePrincipalName('HTTP', 'rmscon01.contoso.com')).toBe('HTTP/rmscon01.contoso.com');
  });

  it.each(['127.0.0.1', 'dc1', '::1', '[::1]', '', 'dc1.corp.contoso.test/evil', 'dc1.corp contoso.test', `${'a'.repeat(64)}.contoso.com`])(
    'refuses %j: Kerberos needs a DNS name, never an address or a short name',
    (host) => {
      expect(() => servicePrincipalName('ldap', host)).toThrow(expect.objectContaining({ code: 'KERBEROS_NO_SUCH_PRINCIPAL' }));
    },
  );

  it('gives GSS-API the host-based form and SSPI the SPN form', () => {
    expect(gssTargetOf('HTTP/rmscon01.contoso.com', 'linux')).toBe('HTTP@rmscon01.contoso.com');
    expect(gssTargetOf('HTTP/rmscon01.contoso.com', 'darwin')).toBe('HTTP@rmscon01.contoso.com');
    expect(gssTargetOf('HTTP/rmscon01.contoso.com', 'win32')).toBe('HTTP/rmscon01.contoso.com');
  });

  it('splits a user principal and refuses a service or realm-less one', () => {
    expect(parseClientPrincipal('alice@CORP.CONTOSO.TEST')).toEqual({ name: 'alice', realm: 'CORP.CONTOSO.TEST' });
    expect(parseClientPrincipal('host/fs01.corp.contoso.test@CORP.CONTOSO.TEST')).toBeUndefined();
    expect(parseClientPrincipal('alice')).toBeUndefined();
    expect(parseClientPrincipal('alice@')).toBeUndefined();
  });
});

describe('GSS-API and SSPI failure text → codes', () => {
  it.each([
    [
      'No credentials were supplied, or the credentials were unavailable or inaccessible: No Kerberos credentials available (default cache: FILE:/tmp/x)',
      'KERBEROS_NO_TICKET',
    ],
    ['Unspecified GSS failure.  Minor code may provide more information: Ticket expired', 'KERBEROS_TICKET_EXPIRED'],
    ['Unspecified GSS failure.  Minor code may provide more information: Clock skew too great', 'KERBEROS_CLOCK_SKEW'],
    ['Unspecified GSS failure.  Minor code may provide more information: Server not found in Kerberos database', 'KERBEROS_NO_SUCH_PRINCIPAL'],
    ["Unspecified GSS failure.  Minor code may provide more information: Cannot contact any KDC for realm 'CORP.CONTOSO.TEST'", 'KERBEROS_KDC_UNREACHABLE'],
    ['Unspecified GSS failure.  Minor code may provide more information: Request is a replay', 'KERBEROS_TOKEN_REFUSED'],
    ['SEC_E_TIME_SKEW', 'KERBEROS_CLOCK_SKEW'],
    ['something nobody expected', 'KERBEROS_FAILED'],
  ])('%s → %s', (text, code) => {
    const error = classifyGssError(new Error(text), 'ldap/dc1.corp.contoso.test');
    expect({ code: error.code, detail: error.detail }).toEqual({ code, detail: text });
  });
});
