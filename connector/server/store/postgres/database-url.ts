import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { CaFileError, describeCaFileRefusal, readCaFile } from '../../../../core/tls/read-ca-file.ts';
import type { PostgresTarget } from './database.ts';

/** A mistake in `CONNECTOR_DATABASE` (or the password settings next to it); the message says what to fix and never holds a password. */
export class DatabaseSettingError extends Error {
  constructor(problem: string) {
    super(`CONNECTOR_DATABASE: ${problem}`);
    this.name = 'DatabaseSettingError';
  }
}

/** Whether the setting names PostgreSQL (`postgres://` or `postgresql://`) rather than a SQLite file. */
export function isPostgresUrl(setting: string): boolean {
  return /^postgres(ql)?:\/\//i.test(setting);
}

const PARAMETERS = ['sslmode', 'sslrootcert', 'target_session_attrs', 'connect_timeout'] as const;
const EXAMPLE = 'postgres://rmsconnector@db1:5432,db2:5432/rmsconnector?target_session_attrs=primary';

/**
 * The PostgreSQL target of a `CONNECTOR_DATABASE` URL.
 *
 * Hosts may be a list (`db1:5432,db2:5432`); `target_session_attrs=primary` (the default with
 * several hosts) makes every connection find the primary, so a promoted standby is found by
 * itself. The password comes from `CONNECTOR_DATABASE_PASSWORD` or a pgpass file (`PGPASSFILE`,
 * else `~/.pgpass`); a URL that holds one is refused, as the setting shows in process lists and
 * service definitions. TLS is off or `sslmode=verify-full` with the
 * CA file in `sslrootcert`: modes that skip the certificate check are refused.
 */
export async function postgresTargetOf(setting: string, env: NodeJS.ProcessEnv): Promise<PostgresTarget> {
  const match = /^postgres(?:ql)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?$/i.exec(setting);
  if (!match) throw new DatabaseSettingError(`not a PostgreSQL URL. Write it as ${EXAMPLE}.`);
  const [, credentials, hostList = '', databasePart, query = ''] = match;
  const [rawUser = '', ...passwordParts] = (credentials ?? '').split(':');
  const user = decode(rawUser, 'the user name');
  // A password in the URL would show wherever the setting does (process lists, service units, logs).
  if (passwordParts.length > 0)
    throw new DatabaseSettingError(
      'the URL holds a password. Remove it from the URL and set CONNECTOR_DATABASE_PASSWORD, or put it in a pgpass file (PGPASSFILE or ~/.pgpass).',
    );
  if (user === '') throw new DatabaseSettingError(`the URL names no user. Write it as ${EXAMPLE}.`);
  const hosts = hostsOf(hostList);
  const database = decode(databasePart ?? '', 'the database name');
  if (database === '') throw new DatabaseSettingError(`the URL names no database after the hosts. Write it as ${EXAMPLE}.`);
  const parameters = parametersOf(query);
  const ssl = await sslOf(parameters);
  // Node checks a certificate against the host *name* it was asked for; an IP address would be
  // checked against "localhost" instead, so verify-full needs names.
  const literal = hosts.find((entry) => isIP(entry.host) !== 0);
  if (ssl !== false && literal)
    throw new DatabaseSettingError(
      `sslmode=verify-full checks the server's certificate against its host name; give ${literal.host} by the name its certificate carries.`,
    );
  const description = `postgres://${encodeURIComponent(user)}@${hostList}/${encodeURIComponent(database)}${describeParameters(parameters)}`;
  return {
    hosts,
    database,
    user,
    password: passwordFromEnvironment(env) ?? passwordFromPgpass(env, hosts, database, user),
    ssl,
    targetSessionAttributes: sessionAttributesOf(parameters.get('target_session_attrs'), hosts.length),
    connectTimeoutSeconds: connectTimeoutOf(parameters.get('connect_timeout')),
    description,
  };
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new DatabaseSettingError(`${what} in the URL is not valid percent-encoding.`);
  }
}

function hostsOf(hostList: string): { host: string; port: number }[] {
  if (hostList === '') throw new DatabaseSettingError(`the URL names no host. Write it as ${EXAMPLE}.`);
  return hostList.split(',').map((item) => {
    const hostMatch = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(item);
    const port = Number(hostMatch?.[2] ?? '5432');
    if (!hostMatch?.[1] || port < 1 || port > 65535)
      throw new DatabaseSettingError(`"${item}" is not a host or host:port. Write the hosts as db1:5432,db2:5432.`);
    if (hostMatch[1].startsWith('['))
      throw new DatabaseSettingError(`"${item}": give PostgreSQL hosts by name or IPv4 address (the driver cannot take IPv6 literals in a host list).`);
    return { host: hostMatch[1], port };
  });
}

function parametersOf(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name))
      throw new DatabaseSettingError(
        `the URL parameter "${name}" is not supported. Supported: ${PARAMETERS.join(', ')}; the password goes in CONNECTOR_DATABASE_PASSWORD.`,
      );
    parameters.set(name, value);
  }
  return parameters;
}

function describeParameters(parameters: ReadonlyMap<string, string>): string {
  const text = new URLSearchParams([...parameters]).toString();
  return text === '' ? '' : `?${text}`;
}

async function sslOf(parameters: ReadonlyMap<string, string>): Promise<PostgresTarget['ssl']> {
  const mode = parameters.get('sslmode') ?? (parameters.has('sslrootcert') ? 'verify-full' : 'disable');
  const caFile = parameters.get('sslrootcert');
  if (mode === 'disable') {
    if (caFile !== undefined) throw new DatabaseSettingError('sslrootcert is given with sslmode=disable. Use sslmode=verify-full to connect over TLS.');
    return false;
  }
  if (mode !== 'verify-full')
    throw new DatabaseSettingError(
      `sslmode=${mode} would accept any certificate or none. Use sslmode=verify-full&sslrootcert=/path/to/ca.pem (or sslmode=disable on a private network).`,
    );
  if (caFile === undefined) return { rejectUnauthorized: true };
  try {
    return { ca: (await readCaFile(caFile)).pem, rejectUnauthorized: true };
  } catch (error) {
    if (error instanceof CaFileError) throw new DatabaseSettingError(`sslrootcert: ${describeCaFileRefusal(caFile, error)}`);
    throw error;
  }
}

function sessionAttributesOf(value: string | undefined, hostCount: number): PostgresTarget['targetSessionAttributes'] {
  if (value === undefined) return hostCount > 1 ? 'primary' : 'any';
  if (value === 'primary' || value === 'any') return value;
  if (value === 'read-write')
    throw new DatabaseSettingError(
      'target_session_attrs=read-write lets a hot standby through on PostgreSQL 14 and later. Use target_session_attrs=primary to always reach the primary.',
    );
  throw new DatabaseSettingError(`target_session_attrs=${value} is not supported: use primary (or any with a single host).`);
}

function connectTimeoutOf(value: string | undefined): number {
  if (value === undefined) return 10;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300)
    throw new DatabaseSettingError(`connect_timeout=${value} is not a number of seconds from 1 to 300.`);
  return seconds;
}

function passwordFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  const password = env.CONNECTOR_DATABASE_PASSWORD;
  return password === undefined || password === '' ? undefined : password;
}

/**
 * The password of the first matching pgpass line (`host:port:database:user:password`, `*`
 * matching anything), as libpq reads it.
 *
 * The first host of the list is the one matched. A missing file is no error; a file others may
 * read is refused, as libpq refuses it.
 */
function passwordFromPgpass(env: NodeJS.ProcessEnv, hosts: readonly { host: string; port: number }[], database: string, user: string): string | undefined {
  const file = env.PGPASSFILE ?? path.join(env.HOME ?? homedir(), '.pgpass');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    throw new DatabaseSettingError(`the password file ${file} may be read by other users. Run chmod 0600 ${file}.`);
  const first = hosts[0];
  const wanted = [first?.host ?? '', String(first?.port ?? 5432), database, user];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = line.split(/(?<!\\):/).map((field) => field.replace(/\\([:\\])/g, '$1'));
    if (fields.length < 5) continue;
    if (wanted.every((value, index) => fields[index] === '*' || fields[index] === value)) return fields.slice(4).join(':');
  }
  return undefined;
}
