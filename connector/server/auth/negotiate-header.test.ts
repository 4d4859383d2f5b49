import { describe, expect, it } from 'vitest';
import { classifyGssError } from '../../../core/kerberos/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { MAX_NEGOTIATE_TOKEN_BYTES, parseNegotiateHeader } from './negotiate-header.ts';
import { refusalOf } from './negotiate.ts';

const refusal = (header: string | undefined) => {
  try {
    return { token: parseNegotiateHeader(header).toString('latin1') };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { code: error.code, status: error.status, challenge: error.headers['www-authenticate'] };
  }
};

describe('parseNegotiateHeader', () => {
  it.each([
    ['the token of a Negotiate header', 'Negotiate YWJjZA==', { token: 'abcd' }],
    ['the scheme in any case, spaces around', '  negotiate   YWJjZA==  ', { token: 'abcd' }],
    [
      'the largest token a Windows client sends',
      `Negotiate ${Buffer.alloc(MAX_NEGOTIATE_TOKEN_BYTES, 1).toString('base64')}`,
      { token: '\u0001'.repeat(MAX_NEGOTIATE_TOKEN_BYTES) },
    ],
  ])('reads %s', (_label, header, expected) => {
    expect(refusal(header)).toEqual(expected);
  });

  it.each([
    ['no header', undefined, 'UNAUTHENTICATED'],
    ['an empty header', '   ', 'UNAUTHENTICATED'],
    ['a bearer token', 'Bearer abc.def.ghi', 'UNAUTHENTICATED'],
    ['Basic credentials', 'Basic YWxpY2U6cHc=', 'UNAUTHENTICATED'],
    ['the scheme without a token', 'Negotiate', 'KERBEROS_TOKEN_REFUSED'],
    ['two tokens', 'Negotiate YWJj ZA==', 'KERBEROS_TOKEN_REFUSED'],
    ['text that is not base64', 'Negotiate abc$', 'KERBEROS_TOKEN_REFUSED'],
    ['base64 of a wrong length', 'Negotiate YWJjZ', 'KERBEROS_TOKEN_REFUSED'],
    ['padding in the middle', 'Negotiate YW==YWJj', 'KERBEROS_TOKEN_REFUSED'],
    ['a token over the limit', `Negotiate ${Buffer.alloc(MAX_NEGOTIATE_TOKEN_BYTES + 3).toString('base64')}`, 'KERBEROS_TOKEN_REFUSED'],
    ['a raw NTLM message', `Negotiate ${Buffer.from('NTLMSSP\0\u0001\0\0\0', 'latin1').toString('base64')}`, 'KERBEROS_TOKEN_REFUSED'],
  ])('refuses %s with 401 and the Negotiate challenge', (_label, header, code) => {
    expect(refusal(header)).toEqual({ code, status: 401, challenge: 'Negotiate' });
  });
});

describe('refusalOf', () => {
  const principal = 'HTTP/rmscon01.corp.contoso.test';
  it.each([
    ['a replay', 'Request is a replay', 'KERBEROS_TOKEN_REFUSED'],
    [
      'a ticket its key cannot open (altered)',
      `Request ticket server ${principal}@CORP.CONTOSO.TEST kvno 2 enctype rc4-hmac found in keytab but cannot decrypt ticket`,
      'KERBEROS_TOKEN_REFUSED',
    ],
    [
      'a ticket for another principal',
      'Request ticket server ldap/dc1.corp.contoso.test@CORP.CONTOSO.TEST not found in keytab (ticket kvno 1)',
      'KERBEROS_WRONG_PRINCIPAL',
    ],
    [
      'a keytab older than the key',
      `Request ticket server ${principal}@CORP.CONTOSO.TEST kvno 3 not found in keytab; keytab is likely out of date`,
      'KERBEROS_FAILED',
    ],
    ['an expired ticket', 'Ticket expired', 'KERBEROS_TICKET_EXPIRED'],
    ['a skewed clock', 'Clock skew too great', 'KERBEROS_CLOCK_SKEW'],
    ['an unreadable keytab', "Key table file '/etc/rms/node.keytab' not found", 'KERBEROS_FAILED'],
    ['an unknown failure', 'Success', 'KERBEROS_TOKEN_REFUSED'],
  ])('answers %s with its code, never echoing GSS-API’s words', (_label, detail, code) => {
    const answer = refusalOf(classifyGssError(new Error(`Unspecified GSS failure.  Minor code may provide more information: ${detail}`), principal));
    expect({ code: answer.code, status: answer.status, echoed: answer.message.includes(detail), logged: answer.detail?.includes(detail) }).toEqual({
      code,
      status: 401,
      echoed: false,
      logged: true,
    });
  });
});
