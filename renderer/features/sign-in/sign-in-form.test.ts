import { describe, expect, it } from 'vitest';
import type { ConsoleDefaults } from '../../../contract/index.ts';
import { makeDefaults } from '../../testing/console-fixtures.ts';
import {
  buildKerberosSignInRequest,
  buildSignInRequest,
  directoryLocationOf,
  effectiveServiceUrl,
  initialSignInForm,
  type SignInForm,
} from './sign-in-form.ts';

const OPERATION = '11111111-1111-4111-8111-111111111111';

const defaults: ConsoleDefaults = makeDefaults();

function filled(patch: Partial<SignInForm> = {}): SignInForm {
  return { ...initialSignInForm(defaults), password: 'secret', ...patch };
}

const CA_FILE_ID = '4f1c2a8e-5b6d-4c3e-9f10-2a3b4c5d6e7f';

describe('buildSignInRequest', () => {
  it('builds the request from the prefilled form, omitting blank optional texts', () => {
    expect(buildSignInRequest(filled(), defaults, OPERATION)).toEqual({
      ok: true,
      request: {
        environment: 'AzureCloud',
        serviceUrl: 'https://connector.contoso.test',
        username: 'CORP\\admin',
        password: 'secret',
        directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps' },
        operationId: OPERATION,
      },
    });
  });

  it('sends the server URL, not the domain, in server mode, with the optional settings given', () => {
    const form = filled({
      mode: 'server',
      serverUrl: ' ldaps://dc1.corp.contoso.test ',
      transport: 'starttls',
      caFile: { id: CA_FILE_ID, name: 'contoso-root.cer' },
      serverName: 'dc1',
      bindUser: 'CORP\\reader',
      bindPassword: 'pw',
    });
    const built = buildSignInRequest(form, defaults, OPERATION);
    expect(built.ok && built.request.directory).toEqual({
      mode: 'server',
      serverUrl: 'ldaps://dc1.corp.contoso.test',
      transport: 'starttls',
      caFileId: CA_FILE_ID,
      serverName: 'dc1',
      bindUser: 'CORP\\reader',
      bindPassword: 'pw',
    });
  });

  it('refuses a bind account without its password instead of reading the directory as the admin', () => {
    expect(buildSignInRequest(filled({ bindUser: 'CORP\\reader' }), defaults, OPERATION)).toEqual({ ok: false, invalid: ['bindPassword'] });
    const cleared = buildSignInRequest(filled({ bindUser: '  ' }), defaults, OPERATION);
    expect(cleared.ok && cleared.request.directory).toEqual({ mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps' });
  });

  it('uses the chosen environment’s service URL unless the admin typed one', () => {
    expect(effectiveServiceUrl(filled({ environment: 'AzureChinaCloud' }), defaults)).toBe('https://connector.contoso.cn');
    expect(effectiveServiceUrl(filled({ environment: 'AzureChinaCloud', serviceUrlOverride: 'https://mine.test' }), defaults)).toBe('https://mine.test');
  });

  it('lists the missing required fields in the order the form shows them', () => {
    const form = { ...initialSignInForm(undefined), mode: 'server' as const };
    expect(buildSignInRequest(form, undefined, OPERATION)).toEqual({ ok: false, invalid: ['username', 'password', 'serverUrl', 'serviceUrl'] });
  });

  it('refuses a service URL that is not http(s)', () => {
    expect(buildSignInRequest(filled({ serviceUrlOverride: 'ftp://connector' }), defaults, OPERATION)).toEqual({ ok: false, invalid: ['serviceUrl'] });
  });
});

describe('buildKerberosSignInRequest', () => {
  it('sends no user name or password, only the service principal when typed, and a bind account with its password', () => {
    const form = filled({ servicePrincipal: ' HTTP/rmscon01.corp.contoso.test ', bindUser: 'CORP\\reader', bindPassword: 'bind-secret' });
    expect(buildKerberosSignInRequest(form, defaults, OPERATION)).toEqual({
      ok: true,
      request: {
        method: 'kerberos',
        environment: 'AzureCloud',
        serviceUrl: 'https://connector.contoso.test',
        servicePrincipal: 'HTTP/rmscon01.corp.contoso.test',
        directory: { mode: 'domain', domain: 'corp.contoso.test', transport: 'ldaps', bindUser: 'CORP\\reader', bindPassword: 'bind-secret' },
        operationId: OPERATION,
      },
    });
  });

  it("needs no user name or password, but still the directory target and a bind account's password", () => {
    expect(buildKerberosSignInRequest(filled({ username: '', password: '', domain: ' ', bindUser: 'CORP\\reader' }), defaults, OPERATION)).toEqual({
      ok: false,
      invalid: ['domain', 'bindPassword'],
    });
  });
});

describe('directoryLocationOf', () => {
  it('gives the chosen target, transport, CA file id and server name, never the bind account', () => {
    const form = filled({
      mode: 'server',
      serverUrl: ' ldaps://dc1 ',
      serverName: 'dc1.corp.contoso.test',
      bindUser: 'x',
      bindPassword: 'y',
      caFile: { id: CA_FILE_ID, name: 'ca.pem' },
    });
    expect(directoryLocationOf(form)).toEqual({
      mode: 'server',
      serverUrl: 'ldaps://dc1',
      transport: 'ldaps',
      caFileId: CA_FILE_ID,
      serverName: 'dc1.corp.contoso.test',
    });
  });

  it('is undefined while the chosen target is blank (nothing to ask)', () => {
    expect(directoryLocationOf(filled({ mode: 'domain', domain: '  ' }))).toBeUndefined();
  });
});
