import { describe, expect, it } from 'vitest';
import { connectionOptionsFrom } from './connection-options.ts';

const noStdin = () => Promise.reject(new Error('stdin must not be read'));

describe('connectionOptionsFrom', () => {
  it('takes flags over environment variables', async () => {
    const options = await connectionOptionsFrom(
      { url: 'ldaps://dc02.contoso.com', user: 'CORP\\admin' },
      {
        env: { RMSADMIN_LDAP_URL: 'ldaps://dc01.contoso.com', RMSADMIN_LDAP_USER: 'other', RMSADMIN_LDAP_PASSWORD: 'pw', RMSADMIN_LDAP_CA: '/ca.pem' },
        readStdin: noStdin,
      },
    );
    expect(options).toEqual({
      url: 'ldaps://dc02.contoso.com',
      domain: undefined,
      transport: 'ldaps',
      caFile: '/ca.pem',
      serverName: undefined,
      globalCatalog: false,
      user: 'CORP\\admin',
      password: 'pw',
      timeoutMs: undefined,
    });
  });

  it('reads the password from stdin without its trailing newline', async () => {
    const options = await connectionOptionsFrom(
      { url: 'ldaps://dc', user: 'u', 'password-stdin': true },
      { env: {}, readStdin: () => Promise.resolve('s3cret\n') },
    );
    expect('password' in options ? options.password : undefined).toEqual('s3cret');
  });

  it('signs in with the Kerberos ticket on --kerberos or RMSADMIN_LDAP_AUTH=kerberos, reading no account and no password', async () => {
    const readStdin = () => Promise.reject(new Error('stdin must not be read'));
    const fromFlag = await connectionOptionsFrom({ url: 'ldaps://dc01.contoso.com', kerberos: true }, { env: {}, readStdin });
    const fromEnv = await connectionOptionsFrom(
      { url: 'ldaps://dc01.contoso.com' },
      { env: { RMSADMIN_LDAP_AUTH: 'Kerberos', RMSADMIN_LDAP_USER: 'CORP\\svc' }, readStdin },
    );
    for (const options of [fromFlag, fromEnv]) {
      expect(options).toMatchObject({ kerberos: true, url: 'ldaps://dc01.contoso.com', transport: 'ldaps' });
      expect(options).not.toHaveProperty('user');
      expect(options).not.toHaveProperty('password');
    }
  });

  it.each([
    ['--kerberos with --user', { url: 'ldaps://dc', kerberos: true, user: 'u' }, {}, /leave out --user/],
    ['--kerberos with --password-stdin', { url: 'ldaps://dc', kerberos: true, 'password-stdin': true }, {}, /leave out --user and --password-stdin/],
    ['an unknown RMSADMIN_LDAP_AUTH', { url: 'ldaps://dc' }, { RMSADMIN_LDAP_AUTH: 'ntlm' }, /must be kerberos or password, not "ntlm"/],
  ])('refuses %s', async (_case, flags, env, message) => {
    await expect(connectionOptionsFrom(flags, { env, readStdin: () => Promise.resolve('') })).rejects.toThrow(message);
  });

  it.each([
    ['a password flag', { url: 'ldaps://dc', user: 'u', password: 'x' }, /not accepted as a flag/],
    ['no server', { user: 'u' }, /--url/],
    ['no user', { url: 'ldaps://dc' }, /--user/],
    ['no password', { url: 'ldaps://dc', user: 'u' }, /--password-stdin/],
    ['a bad timeout', { url: 'ldaps://dc', user: 'u', timeout: 'soon' }, /--timeout/],
  ])('refuses %s with a sentence that says what to do', async (_label, flags, message) => {
    const env = 'timeout' in flags ? { RMSADMIN_LDAP_PASSWORD: 'pw' } : {};
    await expect(connectionOptionsFrom(flags, { env, readStdin: noStdin })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(message) });
  });
});
