import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../core/connector/index.ts';
import { DirectoryError } from '../../core/directory/index.ts';
import { KerberosError } from '../../core/kerberos/index.ts';
import { consoleFailure } from './console-failure.ts';
import { toIpcError } from './error-mapping.ts';

const service = (
  code: ConstructorParameters<typeof ConnectorError>[0],
  message = 'The service says why.',
  fields: ConstructorParameters<typeof ConnectorError>[2] = {},
) => new ConnectorError(code, message, fields);

describe('toIpcError', () => {
  it.each([
    [
      'a wrong password',
      service('BAD_CREDENTIALS'),
      { code: 'BAD_CREDENTIALS', source: 'service', title: 'Sign-in failed', message: expect.stringMatching(/^The user name or password is incorrect/) },
    ],
    [
      'no admin role (the service names the fix)',
      service('NO_ADMIN_ROLE', 'CORP\\bob holds neither role. Ask a global administrator to run: …'),
      {
        code: 'NO_ADMIN_ROLE',
        source: 'service',
        title: 'Not a connector administrator',
        message: 'CORP\\bob holds neither role. Ask a global administrator to run: …',
      },
    ],
    [
      'onboarding control',
      service('ONBOARDING_BLOCKED', 'Only members of "RMS Admins".'),
      { code: 'ONBOARDING_BLOCKED', source: 'service', title: 'Onboarding control blocks this account', message: 'Only members of "RMS Admins".' },
    ],
    [
      'the wrong environment',
      service('WRONG_ENVIRONMENT', 'This service serves AzureCloud.'),
      { code: 'WRONG_ENVIRONMENT', source: 'service', title: 'Wrong cloud environment', message: 'This service serves AzureCloud.' },
    ],
    [
      'throttling, saying when to retry',
      service('THROTTLED', 'Too many failed sign-ins.', { retryAfterSeconds: 30 }),
      {
        code: 'THROTTLED',
        source: 'service',
        title: 'Too many attempts',
        message: expect.stringContaining('Wait 30 seconds, then try again.'),
        details: ['Too many failed sign-ins.'],
      },
    ],
    [
      'an expired token',
      service('TOKEN_EXPIRED'),
      { code: 'TOKEN_EXPIRED', source: 'service', title: 'Your session has ended', message: 'Your session has ended, sign in again.' },
    ],
    [
      'an unknown token',
      service('UNAUTHENTICATED'),
      { code: 'UNAUTHENTICATED', source: 'service', title: 'Your session has ended', message: 'Your session has ended, sign in again.' },
    ],
    [
      'an unreachable service',
      service('UNREACHABLE', 'https://x.test could not be reached (ECONNREFUSED).'),
      {
        code: 'UNREACHABLE',
        source: 'service',
        title: 'The service could not be reached',
        message: 'The connector configuration service could not be reached: check the service URL under Advanced, the network and the proxy.',
        details: ['https://x.test could not be reached (ECONNREFUSED).'],
      },
    ],
    [
      'an untrusted certificate',
      service('TLS_UNTRUSTED', 'self-signed'),
      {
        code: 'TLS_UNTRUSTED',
        source: 'service',
        title: "The service's certificate is not trusted",
        message: expect.stringMatching(/^The service's certificate is not trusted/),
        details: ['self-signed'],
      },
    ],
    [
      'a certificate for another name',
      service('TLS_NAME_MISMATCH', 'altname'),
      {
        code: 'TLS_NAME_MISMATCH',
        source: 'service',
        title: "The service's certificate names another server",
        message: expect.stringContaining('service URL under Advanced'),
        details: ['altname'],
      },
    ],
    [
      'a timeout',
      service('TIMEOUT', 'no answer in 15 s'),
      {
        code: 'TIMEOUT',
        source: 'service',
        title: 'The service did not answer in time',
        message: expect.stringContaining('did not answer in time'),
        details: ['no answer in 15 s'],
      },
    ],
    [
      'a stale list version',
      service('PRECONDITION_FAILED'),
      {
        code: 'LIST_CHANGED',
        source: 'console',
        title: 'The list was changed by someone else',
        message: 'The list was changed by someone else. Reload it, check your change against the new list, then save again.',
      },
    ],
    [
      'a policy refusal with details',
      service('POLICY_REFUSED', 'The grant is refused: broad.', { details: ['BROAD_PRINCIPAL'] }),
      {
        code: 'POLICY_REFUSED',
        source: 'service',
        title: 'The service refused this grant',
        message: 'The grant is refused: broad.',
        details: ['BROAD_PRINCIPAL'],
      },
    ],
    [
      'an entry already there',
      service('ALREADY_AUTHORIZED'),
      { code: 'ALREADY_AUTHORIZED', source: 'service', title: 'Already allowed', message: 'The service says why.' },
    ],
    [
      'a SID the service cannot find',
      service('SID_NOT_FOUND'),
      { code: 'SID_NOT_FOUND', source: 'service', title: 'Not found in the directory', message: 'The service says why.' },
    ],
    [
      "the service's directory down",
      service('DIRECTORY_UNAVAILABLE'),
      { code: 'DIRECTORY_UNAVAILABLE', source: 'service', title: 'The service cannot reach its directory', message: 'The service says why.' },
    ],
    ['an entry someone removed', service('NOT_FOUND'), { code: 'NOT_FOUND', source: 'service', title: 'Not in the list', message: 'The service says why.' }],
    [
      'a code without a text of its own',
      service('PAYLOAD_TOO_LARGE'),
      { code: 'PAYLOAD_TOO_LARGE', source: 'service', title: 'The service refused the request', message: 'The service says why.' },
    ],
    [
      'a cancelled service call',
      service('CANCELLED'),
      { code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'Cancelled. Nothing was changed.' },
    ],
    [
      'an untrusted DC certificate',
      new DirectoryError('CERT_UNTRUSTED'),
      {
        code: 'CERT_UNTRUSTED',
        source: 'directory',
        title: "The domain controller's certificate is not trusted",
        message: expect.stringMatching(/^The domain controller's certificate is not trusted/),
      },
    ],
    [
      'an unreachable DC',
      new DirectoryError('UNREACHABLE'),
      { code: 'UNREACHABLE', source: 'directory', title: 'The domain controller could not be reached', message: expect.stringContaining('TCP 636') },
    ],
    [
      'a cancelled directory call',
      new DirectoryError('CANCELLED'),
      { code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'Cancelled. Nothing was changed.' },
    ],
    [
      "the console's own refusal",
      consoleFailure('BLOCKED_BY_FINDINGS', 'Blocked', 'Fix the errors.', ['BROAD_PRINCIPAL']),
      { code: 'BLOCKED_BY_FINDINGS', source: 'console', title: 'Blocked', message: 'Fix the errors.', details: ['BROAD_PRINCIPAL'] },
    ],
  ])('maps %s', (_label, error, expected) => {
    expect(toIpcError(error)).toEqual(expected);
  });

  it('never passes on the message or stack of an unexpected error', () => {
    const error = new TypeError('Cannot read properties of undefined (reading "token=abc")');
    const mapped = toIpcError(error);
    expect(mapped).toEqual({ code: 'INTERNAL_ERROR', source: 'console', title: 'Something went wrong in the console', message: expect.any(String) });
    expect(JSON.stringify(mapped)).not.toMatch(/token=abc|TypeError|at /);
  });

  it.each([
    ['a string', 'boom'],
    ['null', null],
    ['an object', { code: 'BAD_CREDENTIALS' }],
  ])('maps a thrown %s to INTERNAL_ERROR', (_label, thrown) => {
    expect(toIpcError(thrown).code).toBe('INTERNAL_ERROR');
  });
});

describe('toIpcError for Kerberos', () => {
  it.each([
    ['from the service client (its Negotiate sign-in)', service('KERBEROS_NO_TICKET', 'No Kerberos ticket is available for this session.'), 'service'],
    ['from the directory bind', new DirectoryError('KERBEROS_NO_TICKET', 'No Kerberos ticket is available for this session.'), 'directory'],
  ])('titles a Kerberos code %s from contract/kerberos.ts and keeps its message', (_label, error, source) => {
    expect(toIpcError(error)).toEqual({
      code: 'KERBEROS_NO_TICKET',
      source,
      title: 'No Kerberos ticket',
      message: 'No Kerberos ticket is available for this session.',
    });
  });

  it('maps a bare KerberosError (never a stack) to its title and message', () => {
    const error = new KerberosError('KERBEROS_TICKET_EXPIRED', { detail: 'Ticket expired' });
    expect(toIpcError(error)).toEqual({
      code: 'KERBEROS_TICKET_EXPIRED',
      source: 'service',
      title: 'Your Kerberos ticket has expired',
      message: error.message,
    });
  });
});
