import { describe, expect, it } from 'vitest';
import type { ErrorSource, IpcError } from '../../../contract/index.ts';
import { makeDefaults } from '../../testing/console-fixtures.ts';
import { directoryNeedsAttention, directorySummary } from './directory-summary.ts';
import { initialSignInForm, type SignInForm } from './sign-in-form.ts';

const BASE: SignInForm = { ...initialSignInForm(makeDefaults()), mode: 'domain', domain: 'corp.contoso.test', serverName: '', bindUser: '', caFile: null };

describe('directorySummary', () => {
  it.each<[string, Partial<SignInForm>, string]>([
    ['a domain over LDAPS', {}, 'Domain corp.contoso.test (LDAPS)'],
    [
      'a server over StartTLS',
      { mode: 'server', serverUrl: ' ldap://dc1.corp.contoso.test ', transport: 'starttls' },
      'ldap://dc1.corp.contoso.test (StartTLS)',
    ],
    [
      'everything that differs from the plain case',
      {
        mode: 'server',
        serverUrl: 'ldaps://127.0.0.1:636',
        serverName: 'dc1.corp.contoso.test',
        caFile: { id: '8a5e4a52-1b7c-4b8a-9f3e-0d6f1e2a3b4c', name: 'contoso-root.cer' },
        bindUser: 'svc-browse',
      },
      'ldaps://127.0.0.1:636 (LDAPS, certificate name dc1.corp.contoso.test, CA file contoso-root.cer, bind account svc-browse)',
    ],
  ])('says %s in one line', (_label, patch, text) => {
    expect(directorySummary({ ...BASE, ...patch })).toBe(text);
  });
});

function failureOf(source: ErrorSource, code: string): IpcError {
  return { source, code, title: code, message: code };
}

describe('directoryNeedsAttention', () => {
  it.each<[string, Partial<SignInForm>, readonly ('domain' | 'username' | 'bindPassword')[], IpcError | undefined, boolean]>([
    ['closed for a configured directory and a service failure', {}, [], failureOf('service', 'SERVICE_UNREACHABLE'), false],
    ['open when nothing is configured yet', { domain: ' ' }, [], undefined, true],
    ['open for a server mode without a server URL', { mode: 'server', serverUrl: '' }, [], undefined, true],
    ['open for a flagged bind password', {}, ['bindPassword'], undefined, true],
    ['closed for only a flagged user name', {}, ['username'], undefined, false],
    ['open when the DC certificate does not carry the expected name', {}, [], failureOf('directory', 'CERT_NAME_MISMATCH'), true],
    ['open when no DC is found in DNS', {}, [], failureOf('directory', 'DNS_DISCOVERY_FAILED'), true],
    ["closed for the admin's own wrong password", {}, [], failureOf('directory', 'INVALID_CREDENTIALS'), false],
    ["open for the bind account's wrong password", { bindUser: 'svc-browse' }, [], failureOf('directory', 'INVALID_CREDENTIALS'), true],
  ])('is %s', (_label, patch, invalid, failure, open) => {
    expect(directoryNeedsAttention({ ...BASE, ...patch }, new Set(invalid), failure)).toBe(open);
  });
});
