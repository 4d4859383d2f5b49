import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../core/connector/testing/closed-port.ts';
import { openPostgresStore } from '../server/store/postgres/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../server/store/testing/postgres-test-database.ts';
import { runServiceCli, serviceEnvironment, startServeProcess, type ServeProcess } from './testing/service-process.ts';

/** The URL of `database` as a node is configured with it: no password in it. */
function urlOf(database: TestDatabase, port?: number): string {
  const [first] = database.target.hosts;
  return `postgres://${database.target.user}@${first?.host ?? ''}:${String(port ?? first?.port ?? 0)}/${database.target.database}`;
}

describe('rms-connector-service on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const running: ServeProcess[] = [];
  let password = '';

  const freshDatabase = async (): Promise<TestDatabase> => {
    const database = await createTestDatabase();
    databases.push(database);
    password = database.target.password ?? '';
    return database;
  };

  beforeAll(async () => {
    await freshDatabase();
  });
  afterAll(async () => {
    for (const serve of running) serve.child.kill('SIGTERM');
    await Promise.all(running.map((serve) => serve.exited));
    for (const database of databases) await database.drop();
  });

  it('runs two nodes started at the same moment on one empty database: migrated once, both serving one list', async () => {
    const database = await freshDatabase();
    const env = serviceEnvironment(urlOf(database), { CONNECTOR_DATABASE_PASSWORD: password });
    const nodes = await Promise.all([
      startServeProcess({ ...env, CONNECTOR_NODE_NAME: 'RMSCON01' }),
      startServeProcess({ ...env, CONNECTOR_NODE_NAME: 'RMSCON02' }),
    ]);
    running.push(...nodes);
    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    const versions = await sql`SELECT version FROM schema_version ORDER BY version`;
    await sql.end();
    const added = runServiceCli(['admins', 'add', '--user', 'alice@corp.contoso.test', '--role', 'ConnectorAdministrator'], env);
    const listed = JSON.parse(runServiceCli(['admins', 'list', '--json'], env).stdout) as unknown[];
    const pages = await Promise.all(nodes.map(async (node) => (await fetch(`${node.url}/_wmcs/certification/servercertification.asmx`)).status));
    expect({ versions: versions.map((row) => row['version'] as number), added: added.status, listed: listed.length, pages }).toEqual({
      versions: [1, 2, 3, 4],
      added: 0,
      listed: 1,
      pages: [200, 200],
    });
  });

  it.each([
    ['the password is wrong', () => ({ CONNECTOR_DATABASE_PASSWORD: 'Not-The-Password-42' }), 'refused the password of user rmsconnector'],
    ['no host answers', async () => ({ CONNECTOR_DATABASE: urlOf(databases[0] as TestDatabase, await closedPort()) }), 'cannot reach PostgreSQL at'],
    [
      'the URL holds the password',
      () => ({ CONNECTOR_DATABASE: urlOf(databases[0] as TestDatabase).replace('rmsconnector@', `rmsconnector:${encodeURIComponent(password)}@`) }),
      'the URL holds a password',
    ],
    ['the database does not exist', () => ({ CONNECTOR_DATABASE: `${urlOf(databases[0] as TestDatabase)}_missing` }), 'does not exist'],
    [
      'TLS would skip the certificate check',
      () => ({ CONNECTOR_DATABASE: `${urlOf(databases[0] as TestDatabase)}?sslmode=require` }),
      'sslmode=require would accept',
    ],
  ])('stops before it listens, exit 2, naming CONNECTOR_DATABASE and never the password, when %s', async (_label, overrides, problem) => {
    const env = serviceEnvironment(urlOf(databases[0] as TestDatabase), { CONNECTOR_DATABASE_PASSWORD: password, ...(await overrides()) });
    const answer = runServiceCli(['serve', '--listen', '127.0.0.1:0'], env);
    expect({ status: answer.status, stdout: answer.stdout, leaks: `${answer.stdout}${answer.stderr}`.includes(password) }).toEqual({
      status: 2,
      stdout: '',
      leaks: false,
    });
    expect(answer.stderr).toMatch(/^rms-connector-service: CONNECTOR_DATABASE: /);
    expect(answer.stderr).toContain(problem);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a database a newer version migrated, saying to update the node', async () => {
    const database = await freshDatabase();
    await (await openPostgresStore(database.target)).close();
    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    await sql`INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00.000Z')`;
    await sql.end();
    const answer = runServiceCli(['serve', '--listen', '127.0.0.1:0'], serviceEnvironment(urlOf(database), { CONNECTOR_DATABASE_PASSWORD: password }));
    expect({ status: answer.status, stdout: answer.stdout }).toEqual({ status: 2, stdout: '' });
    expect(answer.stderr).toContain(
      'CONNECTOR_DATABASE: The configuration database postgres://rmsconnector@127.0.0.1:55432/' +
        `${database.target.database} was created by a newer version of rms-connector-admin (schema version 99; this version knows up to 4). Update this node`,
    );
  });
});
