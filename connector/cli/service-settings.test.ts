import { describe, expect, it } from 'vitest';
import { serviceConfigOf } from './service-settings.ts';

const BASE_ENV = {
  CONNECTOR_DATABASE: '/var/lib/rms/config.sqlite',
  CONNECTOR_LDAP_URL: 'ldaps://dc01.contoso.com',
  CONNECTOR_LDAP_USER: 'svc@contoso.com',
  CONNECTOR_LDAP_PASSWORD: 'pw',
};

function problemOf(flags: Record<string, string>, env: Record<string, string | undefined>): string {
  try {
    serviceConfigOf(flags, env);
    return 'accepted';
  } catch (error) {
    return error instanceof Error ? (error.message.split(':')[0] ?? '') : 'not an Error';
  }
}

describe('service-settings', () => {
  it('builds a node configuration from the environment with defaults', () => {
    const config = serviceConfigOf({}, { ...BASE_ENV, CONNECTOR_NODE_NAME: 'RMSCON01' });
    expect({ ...config, directory: { ...config.directory, password: '[set]' } }).toEqual({
      database: '/var/lib/rms/config.sqlite',
      listen: { host: '127.0.0.1', port: 8443 },
      directory: { url: 'ldaps://dc01.contoso.com', user: 'svc@contoso.com', password: '[set]', transport: 'ldaps', timeoutMs: 15_000 },
      environment: 'AzureCloud',
      tenantUrl: undefined,
      tls: undefined,
      nodeName: 'RMSCON01',
      publicUrl: undefined,
      tokenLifetimeSeconds: 1800,
      accountRecheckSeconds: 300,
      heartbeatSeconds: 30,
      logging: { level: 'info' },
      trustedProxies: [],
      feed: { heartbeatSeconds: 15, streamsPerNode: 500, streamsPerAdmin: 10 },
      driftIntervalSeconds: 900,
    });
  });

  it('takes the super-user drift interval in seconds, 0 turning the schedule off', () => {
    const fromEnv = serviceConfigOf({}, { ...BASE_ENV, CONNECTOR_DRIFT_INTERVAL: '0' });
    const fromFlag = serviceConfigOf({ 'drift-interval': '60' }, { ...BASE_ENV, CONNECTOR_DRIFT_INTERVAL: '0' });
    expect([fromEnv.driftIntervalSeconds, fromFlag.driftIntervalSeconds]).toEqual([0, 60]);
  });

  it('takes the change feed heartbeat and stream limits from flags or the environment', () => {
    const config = serviceConfigOf(
      { 'event-streams': '50' },
      { ...BASE_ENV, CONNECTOR_EVENTS_HEARTBEAT: '5', CONNECTOR_EVENT_STREAMS: '9', CONNECTOR_EVENT_STREAMS_PER_ADMIN: '2' },
    );
    expect(config.feed).toEqual({ heartbeatSeconds: 5, streamsPerNode: 50, streamsPerAdmin: 2 });
  });

  it('takes the load balancers whose X-Forwarded-For it believes, as addresses and CIDR ranges', () => {
    const config = serviceConfigOf({}, { ...BASE_ENV, CONNECTOR_TRUSTED_PROXIES: '10.0.0.5, 10.0.1.0/28,fd00::1' });
    expect(config.trustedProxies).toEqual(['10.0.0.5', '10.0.1.0/28', 'fd00::1']);
  });

  it('takes the directory timeout and the account re-check interval from flags or the environment', () => {
    const fromEnv = serviceConfigOf({}, { ...BASE_ENV, CONNECTOR_LDAP_TIMEOUT: '40', CONNECTOR_ADMIN_RECHECK: '0' });
    const fromFlags = serviceConfigOf({ 'ldap-timeout': '5', 'admin-recheck': '60' }, { ...BASE_ENV, CONNECTOR_LDAP_TIMEOUT: '40' });
    expect([fromEnv.directory.timeoutMs, fromEnv.accountRecheckSeconds, fromFlags.directory.timeoutMs, fromFlags.accountRecheckSeconds]).toEqual([
      40_000, 0, 5_000, 60,
    ]);
  });

  it('lets flags win over the environment', () => {
    const config = serviceConfigOf(
      { listen: '[::1]:443', environment: 'AzureChinaCloud', 'node-name': 'RMSCON02' },
      { ...BASE_ENV, CONNECTOR_LISTEN: '0.0.0.0:80' },
    );
    expect([config.listen, config.environment, config.nodeName]).toEqual([{ host: '::1', port: 443 }, 'AzureChinaCloud', 'RMSCON02']);
  });

  it.each([
    [{}, { CONNECTOR_DATABASE: undefined }, 'CONNECTOR_DATABASE'],
    [{}, { CONNECTOR_LDAP_URL: 'https://dc01' }, 'CONNECTOR_LDAP_URL'],
    [{}, { CONNECTOR_LDAP_PASSWORD: '' }, 'CONNECTOR_LDAP_PASSWORD'],
    [{ listen: '127.0.0.1:99999' }, {}, 'CONNECTOR_LISTEN'],
    [{ 'tls-key': '/k.pem' }, {}, 'CONNECTOR_TLS_CERT'],
    [{ 'tenant-url': 'http://tenant.example' }, {}, 'CONNECTOR_TENANT_URL'],
    [{ 'public-url': 'https://user:pw@rms.contoso.com' }, {}, 'CONNECTOR_PUBLIC_URL'],
    [{ 'node-name': 'rms con 01' }, {}, 'CONNECTOR_NODE_NAME'],
    [{ heartbeat: '0' }, {}, 'CONNECTOR_HEARTBEAT'],
    [{ 'log-level': 'trace' }, {}, 'CONNECTOR_LOG_LEVEL'],
    [{}, { CONNECTOR_LDAP_TIMEOUT: '0' }, 'CONNECTOR_LDAP_TIMEOUT'],
    [{ 'ldap-timeout': '15s' }, {}, 'CONNECTOR_LDAP_TIMEOUT'],
    [{}, { CONNECTOR_ADMIN_RECHECK: '901' }, 'CONNECTOR_ADMIN_RECHECK'],
    [{ 'admin-recheck': '-1' }, {}, 'CONNECTOR_ADMIN_RECHECK'],
    [{ 'trusted-proxies': 'haproxy.contoso.com' }, {}, 'CONNECTOR_TRUSTED_PROXIES'],
    [{}, { CONNECTOR_TRUSTED_PROXIES: '10.0.0.0/33' }, 'CONNECTOR_TRUSTED_PROXIES'],
    [{}, { CONNECTOR_EVENTS_HEARTBEAT: '0' }, 'CONNECTOR_EVENTS_HEARTBEAT'],
    [{ 'event-streams': '1e3' }, {}, 'CONNECTOR_EVENT_STREAMS'],
    [{}, { CONNECTOR_EVENT_STREAMS_PER_ADMIN: '0' }, 'CONNECTOR_EVENT_STREAMS_PER_ADMIN'],
    [{}, { CONNECTOR_DRIFT_INTERVAL: '15m' }, 'CONNECTOR_DRIFT_INTERVAL'],
    [{ 'drift-interval': '-1' }, {}, 'CONNECTOR_DRIFT_INTERVAL'],
    [{}, { CONNECTOR_DRIFT_INTERVAL: '86401' }, 'CONNECTOR_DRIFT_INTERVAL'],
  ])('names the setting to fix: %j %j → %s', (flags, env, setting) => {
    expect(problemOf(flags, { ...BASE_ENV, ...env })).toBe(setting);
  });

  it('reads the Kerberos settings, the principal as setspn writes it', () => {
    const config = serviceConfigOf({}, { ...BASE_ENV, CONNECTOR_KEYTAB: '/etc/rms/http.keytab', CONNECTOR_SERVICE_PRINCIPAL: 'http/RMSCON01.Contoso.com' });
    expect(config.kerberos).toEqual({ keytab: '/etc/rms/http.keytab', servicePrincipal: 'HTTP/rmscon01.contoso.com' });
    expect(serviceConfigOf({ keytab: '/k', 'service-principal': 'HTTP/a.contoso.com' }, BASE_ENV).kerberos).toEqual({
      keytab: '/k',
      servicePrincipal: 'HTTP/a.contoso.com',
    });
    expect(serviceConfigOf({}, BASE_ENV).kerberos).toBeUndefined();
  });

  it.each([
    ['a keytab without its principal', { CONNECTOR_KEYTAB: '/k' }, 'CONNECTOR_SERVICE_PRINCIPAL'],
    ['a principal without a keytab', { CONNECTOR_SERVICE_PRINCIPAL: 'HTTP/a.contoso.com' }, 'CONNECTOR_KEYTAB'],
    ['a principal of another service', { CONNECTOR_KEYTAB: '/k', CONNECTOR_SERVICE_PRINCIPAL: 'ldap/a.contoso.com' }, 'CONNECTOR_SERVICE_PRINCIPAL'],
    ['a principal with a realm', { CONNECTOR_KEYTAB: '/k', CONNECTOR_SERVICE_PRINCIPAL: 'HTTP/a.contoso.com@CONTOSO.COM' }, 'CONNECTOR_SERVICE_PRINCIPAL'],
    ['a short host name', { CONNECTOR_KEYTAB: '/k', CONNECTOR_SERVICE_PRINCIPAL: 'HTTP/rmscon01' }, 'CONNECTOR_SERVICE_PRINCIPAL'],
    ['an IP address', { CONNECTOR_KEYTAB: '/k', CONNECTOR_SERVICE_PRINCIPAL: 'HTTP/10.0.0.5' }, 'CONNECTOR_SERVICE_PRINCIPAL'],
  ])('refuses %s, naming the setting', (_label, env, setting) => {
    expect(problemOf({}, { ...BASE_ENV, ...env })).toBe(setting);
  });
});
