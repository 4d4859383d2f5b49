import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { CloudEnvironmentSchema } from '../../contract/connector-api/index.ts';
import type { ConnectOptions } from '../../core/directory/index.ts';
import { KerberosError, servicePrincipalName } from '../../core/kerberos/index.ts';
import { DEFAULT_ACCOUNT_RECHECK_SECONDS } from '../server/auth/admin-access.ts';
import { DEFAULT_DRIFT_INTERVAL_SECONDS, DEFAULT_FEED_SETTINGS, type KerberosSettings, type ServiceConfig } from '../server/service-config.ts';

/** A configuration mistake, named by the setting (flag or variable) to fix. */
export class SettingError extends Error {
  /** 2 for configuration and usage mistakes, 1 when a named account was not found. */
  readonly exitCode: number;

  constructor(setting: string, problem: string, exitCode = 2) {
    super(`${setting}: ${problem}`);
    this.name = 'SettingError';
    this.exitCode = exitCode;
  }
}

/** Flag values as parseArgs hands them over. */
export type SettingFlags = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** Read one setting from its flag, then its environment variable. */
function settingOf(flags: SettingFlags, env: NodeJS.ProcessEnv, flag: string, variable: string): string | undefined {
  const value = flags[flag];
  if (typeof value === 'string') return value;
  const fromEnv = env[variable];
  return fromEnv === '' ? undefined : fromEnv;
}

/** The configuration database, from `--database` or `CONNECTOR_DATABASE`: a SQLite file, or a `postgres://` URL. */
export function databaseOf(flags: SettingFlags, env: NodeJS.ProcessEnv): string {
  const database = settingOf(flags, env, 'database', 'CONNECTOR_DATABASE');
  if (database === undefined)
    throw new SettingError(
      'CONNECTOR_DATABASE',
      'no database given. Pass --database /var/lib/rms-connector/config.sqlite (one node) or set CONNECTOR_DATABASE=postgres://rmsconnector@db1:5432,db2:5432/rmsconnector (several nodes).',
    );
  return database;
}

/**
 * The service account's directory connection, from `--ldap-*` flags or `CONNECTOR_LDAP_*`.
 *
 * The password comes only from the environment (or a file), never from a flag that would
 * show in the process list.
 */
export function directoryOf(flags: SettingFlags, env: NodeJS.ProcessEnv): ConnectOptions {
  const url = settingOf(flags, env, 'ldap-url', 'CONNECTOR_LDAP_URL');
  if (url === undefined)
    throw new SettingError('CONNECTOR_LDAP_URL', 'no directory given. Set it to the domain controller, for example ldaps://dc01.contoso.com.');
  if (!/^ldaps?:\/\/[^\s/]+(:\d+)?\/?$/i.test(url))
    throw new SettingError('CONNECTOR_LDAP_URL', `"${url}" is not an ldaps:// or ldap:// URL of a domain controller.`);
  const user = settingOf(flags, env, 'ldap-user', 'CONNECTOR_LDAP_USER');
  if (user === undefined)
    throw new SettingError(
      'CONNECTOR_LDAP_USER',
      'no service account given. Set it to the account the service reads the directory with (svc-connector@contoso.com).',
    );
  const password = env.CONNECTOR_LDAP_PASSWORD;
  if (password === undefined || password === '')
    throw new SettingError('CONNECTOR_LDAP_PASSWORD', "the service account's password is not set. Set CONNECTOR_LDAP_PASSWORD in the service's environment.");
  const caFile = settingOf(flags, env, 'ldap-ca', 'CONNECTOR_LDAP_CA');
  const serverName = settingOf(flags, env, 'ldap-server-name', 'CONNECTOR_LDAP_SERVERNAME');
  const timeoutSeconds = secondsOf(settingOf(flags, env, 'ldap-timeout', 'CONNECTOR_LDAP_TIMEOUT') ?? '15', 'CONNECTOR_LDAP_TIMEOUT', 1, 300);
  return {
    url,
    user,
    password,
    transport: url.toLowerCase().startsWith('ldap://') ? 'starttls' : 'ldaps',
    timeoutMs: timeoutSeconds * 1000,
    ...(caFile ? { caFile } : {}),
    ...(serverName ? { serverName } : {}),
  };
}

/** Everything `serve` needs, checked before anything starts. */
export function serviceConfigOf(flags: SettingFlags, env: NodeJS.ProcessEnv): ServiceConfig {
  const listen = listenOf(settingOf(flags, env, 'listen', 'CONNECTOR_LISTEN') ?? '127.0.0.1:8443');
  const environmentText = settingOf(flags, env, 'environment', 'CONNECTOR_ENVIRONMENT') ?? 'AzureCloud';
  const environment = CloudEnvironmentSchema.safeParse(environmentText);
  if (!environment.success)
    throw new SettingError(
      'CONNECTOR_ENVIRONMENT',
      `"${environmentText}" is not a cloud environment. Use one of ${CloudEnvironmentSchema.options.join(', ')}.`,
    );
  const certFile = settingOf(flags, env, 'tls-cert', 'CONNECTOR_TLS_CERT');
  const keyFile = settingOf(flags, env, 'tls-key', 'CONNECTOR_TLS_KEY');
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new SettingError(certFile === undefined ? 'CONNECTOR_TLS_CERT' : 'CONNECTOR_TLS_KEY', 'HTTPS needs both the certificate and its key.');
  const tenantUrl = settingOf(flags, env, 'tenant-url', 'CONNECTOR_TENANT_URL');
  const publicUrl = settingOf(flags, env, 'public-url', 'CONNECTOR_PUBLIC_URL');
  const nodeName = settingOf(flags, env, 'node-name', 'CONNECTOR_NODE_NAME') ?? hostname();
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(nodeName))
    throw new SettingError('CONNECTOR_NODE_NAME', `"${nodeName}" is not a host name (letters, digits, dots and hyphens).`);
  const level = settingOf(flags, env, 'log-level', 'CONNECTOR_LOG_LEVEL') ?? 'info';
  if (!['silent', 'error', 'warn', 'info', 'debug'].includes(level))
    throw new SettingError('CONNECTOR_LOG_LEVEL', `"${level}" is not one of silent, error, warn, info, debug.`);
  return {
    database: databaseOf(flags, env),
    listen,
    directory: directoryOf(flags, env),
    environment: environment.data,
    tenantUrl: tenantUrl === undefined ? undefined : httpsUrlOf(tenantUrl, 'CONNECTOR_TENANT_URL'),
    tls: certFile !== undefined && keyFile !== undefined ? { certFile, keyFile } : undefined,
    kerberos: kerberosOf(flags, env),
    trustedProxies: trustedProxiesOf(settingOf(flags, env, 'trusted-proxies', 'CONNECTOR_TRUSTED_PROXIES')),
    nodeName,
    publicUrl: publicUrl === undefined ? undefined : httpUrlOf(publicUrl, 'CONNECTOR_PUBLIC_URL'),
    tokenLifetimeSeconds: secondsOf(settingOf(flags, env, 'token-lifetime', 'CONNECTOR_TOKEN_LIFETIME') ?? '1800', 'CONNECTOR_TOKEN_LIFETIME', 60, 8 * 3600),
    heartbeatSeconds: secondsOf(settingOf(flags, env, 'heartbeat', 'CONNECTOR_HEARTBEAT') ?? '30', 'CONNECTOR_HEARTBEAT', 1, 3600),
    accountRecheckSeconds: secondsOf(
      settingOf(flags, env, 'admin-recheck', 'CONNECTOR_ADMIN_RECHECK') ?? String(DEFAULT_ACCOUNT_RECHECK_SECONDS),
      'CONNECTOR_ADMIN_RECHECK',
      0,
      900,
    ),
    logging: { level: level as ServiceConfig['logging']['level'] },
    driftIntervalSeconds: secondsOf(
      settingOf(flags, env, 'drift-interval', 'CONNECTOR_DRIFT_INTERVAL') ?? String(DEFAULT_DRIFT_INTERVAL_SECONDS),
      'CONNECTOR_DRIFT_INTERVAL',
      0,
      86_400,
    ),
    feed: {
      heartbeatSeconds: secondsOf(
        settingOf(flags, env, 'events-heartbeat', 'CONNECTOR_EVENTS_HEARTBEAT') ?? String(DEFAULT_FEED_SETTINGS.heartbeatSeconds),
        'CONNECTOR_EVENTS_HEARTBEAT',
        1,
        300,
      ),
      streamsPerNode: countOf(
        settingOf(flags, env, 'event-streams', 'CONNECTOR_EVENT_STREAMS') ?? String(DEFAULT_FEED_SETTINGS.streamsPerNode),
        'CONNECTOR_EVENT_STREAMS',
        1,
        100_000,
      ),
      streamsPerAdmin: countOf(
        settingOf(flags, env, 'event-streams-per-admin', 'CONNECTOR_EVENT_STREAMS_PER_ADMIN') ?? String(DEFAULT_FEED_SETTINGS.streamsPerAdmin),
        'CONNECTOR_EVENT_STREAMS_PER_ADMIN',
        1,
        1000,
      ),
    },
  };
}

/**
 * Negotiate sign-in, from `--keytab`/`CONNECTOR_KEYTAB` and `--service-principal`/`CONNECTOR_SERVICE_PRINCIPAL`:
 * both or neither. The file itself is read when the node starts.
 */
export function kerberosOf(flags: SettingFlags, env: NodeJS.ProcessEnv): KerberosSettings | undefined {
  const keytab = settingOf(flags, env, 'keytab', 'CONNECTOR_KEYTAB');
  const principal = settingOf(flags, env, 'service-principal', 'CONNECTOR_SERVICE_PRINCIPAL');
  if (keytab === undefined && principal === undefined) return undefined;
  if (principal === undefined)
    throw new SettingError(
      'CONNECTOR_SERVICE_PRINCIPAL',
      "a keytab is given but not the principal it is for. Set it to the node's HTTP service principal, for example HTTP/rmscon01.contoso.com.",
    );
  if (keytab === undefined)
    throw new SettingError('CONNECTOR_KEYTAB', `no keytab given for ${principal}. Set it to the keytab file exported for that principal.`);
  const match = /^http\/([^/@\s]+)$/i.exec(principal.trim());
  if (!match?.[1])
    throw new SettingError(
      'CONNECTOR_SERVICE_PRINCIPAL',
      `"${principal}" is not an HTTP service principal. Write it as setspn registers it, HTTP/<the node's fully qualified DNS name>, without a realm.`,
    );
  try {
    return { keytab, servicePrincipal: servicePrincipalName('HTTP', match[1]) };
  } catch (error) {
    if (error instanceof KerberosError)
      throw new SettingError(
        'CONNECTOR_SERVICE_PRINCIPAL',
        `"${principal}": ${error.detail ?? error.message} Clients ask tickets for the name they connect to.`,
      );
    throw error;
  }
}

function countOf(text: string, setting: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new SettingError(setting, `"${text}" must be a whole number from ${String(min)} to ${String(max)}.`);
  return value;
}

function listenOf(text: string): { host: string; port: number } {
  const match = /^(\[[0-9a-f:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/i.exec(text);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port > 65535)
    throw new SettingError('CONNECTOR_LISTEN', `"${text}" is not HOST:PORT (for example 0.0.0.0:443 or 127.0.0.1:8443).`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

function httpUrlOf(text: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SettingError(setting, `"${text}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SettingError(setting, `"${text}" must be an http:// or https:// URL.`);
  if (url.username !== '' || url.password !== '') throw new SettingError(setting, 'a URL with a user name or password in it is refused.');
  return url.toString().replace(/\/$/, '');
}

function httpsUrlOf(text: string, setting: string): string {
  const url = httpUrlOf(text, setting);
  if (!url.startsWith('https://')) throw new SettingError(setting, `"${text}" must be an https:// URL.`);
  return url;
}

function secondsOf(text: string, setting: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new SettingError(setting, `"${text}" must be a whole number of seconds from ${String(min)} to ${String(max)}.`);
  return value;
}

/** `CONNECTOR_TRUSTED_PROXIES`: the load balancers' addresses or CIDR ranges, comma-separated. */
function trustedProxiesOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((item) => {
    const entry = item.trim();
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixValid = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixValid || rest.length > 0)
      throw new SettingError(
        'CONNECTOR_TRUSTED_PROXIES',
        `"${entry}" is not an IP address or CIDR range. List the load balancers, for example 10.0.0.5,10.0.1.0/28.`,
      );
    return entry;
  });
}
