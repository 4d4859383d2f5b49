import { randomUUID } from 'node:crypto';
import type { AuthorizedAccount } from '../../../contract/servers.ts';
import { ConnectorError, type ConnectorClient, type ConnectorClientOptions } from '../../../core/connector/index.ts';
import type { FeedEnd, FollowRequest } from '../change-feed-port.ts';

/** One `followChanges` call the fake took: what it was asked, and how to end it as the service would. */
export type FakeFollow = { readonly request: FollowRequest; finish(outcome: FeedEnd): void };

/** The password the fake service accepts and the token it hands out (unit tests only). */
export const FAKE_PASSWORD = 'Correct-Horse-Battery-1';
export const FAKE_TOKEN = 'fake-token-SECRET-0123456789';

/** A fake connector service: its list, who asked what, and the clients it made. */
export type FakeConnector = {
  entries: AuthorizedAccount[];
  version: number;
  readonly calls: string[];
  readonly clientOptions: ConnectorClientOptions[];
  closedClients: number;
  expiresAt: string;
  /** Every `followChanges` call, in order; each stays open until aborted or finished. */
  readonly follows: FakeFollow[];
  /** Methods a test replaces (a failure, a slow answer); called with the same arguments. */
  readonly overrides: Partial<ConnectorClient>;
  readonly createClient: (options: ConnectorClientOptions) => ConnectorClient;
};

/**
 * An in-memory service for unit tests of the ipc layer: sign-in, the list with ETags,
 * conditional add and remove, no connector nodes, an empty audit log.
 */
export function createFakeConnector(): FakeConnector {
  const fake: FakeConnector = {
    entries: [],
    version: 0,
    calls: [],
    clientOptions: [],
    closedClients: 0,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    follows: [],
    overrides: {},
    createClient(options) {
      fake.clientOptions.push(options);
      return clientFor(fake, undefined);
    },
  };
  return fake;
}

function clientFor(fake: FakeConnector, token: string | undefined): ConnectorClient {
  const etag = (): string => `"${String(fake.version)}"`;
  const needToken = (): void => {
    if (token !== FAKE_TOKEN) throw new ConnectorError('UNAUTHENTICATED', 'Sign in first.', { status: 401 });
  };
  const client: ConnectorClient = {
    signIn(request) {
      fake.calls.push(`signIn:${request.username}`);
      if (request.password !== FAKE_PASSWORD)
        return Promise.reject(new ConnectorError('BAD_CREDENTIALS', 'The user name or password is incorrect.', { status: 401 }));
      return Promise.resolve({ token: FAKE_TOKEN, expiresAt: fake.expiresAt });
    },
    signInWithKerberos(request) {
      fake.calls.push(`signInWithKerberos:${request.servicePrincipal ?? ''}`);
      return Promise.resolve({ token: FAKE_TOKEN, expiresAt: fake.expiresAt });
    },
    session() {
      fake.calls.push('session');
      needToken();
      return Promise.resolve({
        name: 'CORP\\alice',
        sid: 'S-1-5-21-1-2-3-1105',
        roles: ['GlobalAdministrator'],
        environment: 'AzureCloud',
        expiresAt: fake.expiresAt,
      });
    },
    listAuthorizedAccounts() {
      fake.calls.push('listAuthorizedAccounts');
      needToken();
      return Promise.resolve({ list: { version: fake.version, entries: [...fake.entries] }, etag: etag() });
    },
    listAuthorizedAccountsIfChanged(ifNoneMatch) {
      fake.calls.push(`listIfChanged:${ifNoneMatch}`);
      needToken();
      if (ifNoneMatch === etag()) return Promise.resolve(null);
      return Promise.resolve({ list: { version: fake.version, entries: [...fake.entries] }, etag: etag() });
    },
    followChanges(request) {
      fake.calls.push(`followChanges:${String(request.after ?? '')}`);
      needToken();
      return new Promise<FeedEnd>((resolve) => {
        request.signal.addEventListener('abort', () => {
          resolve({ kind: 'cancelled' });
        });
        fake.follows.push({ request, finish: resolve });
      });
    },
    addAuthorizedAccount(entry, options) {
      fake.calls.push(`add:${entry.sid}:${options.idempotencyKey ?? ''}`);
      needToken();
      if (options.ifMatch !== etag()) return Promise.reject(new ConnectorError('PRECONDITION_FAILED', 'The list changed.', { status: 412 }));
      const added: AuthorizedAccount = {
        id: randomUUID(),
        sid: entry.sid,
        name: entry.name,
        role: entry.role,
        kind: 'group',
        addedBy: 'CORP\\alice',
        addedAt: new Date().toISOString(),
      };
      fake.entries.push(added);
      fake.version += 1;
      return Promise.resolve({ result: { entry: added, version: fake.version, superUserFeatureEnabled: entry.role === 'exchange' }, etag: etag() });
    },
    removeAuthorizedAccount(id, options) {
      fake.calls.push(`remove:${id}`);
      needToken();
      if (options.ifMatch !== etag()) return Promise.reject(new ConnectorError('PRECONDITION_FAILED', 'The list changed.', { status: 412 }));
      const removed = fake.entries.find((entry) => entry.id === id);
      if (removed === undefined) return Promise.reject(new ConnectorError('NOT_FOUND', `No entry with id ${id}.`, { status: 404 }));
      fake.entries = fake.entries.filter((entry) => entry.id !== id);
      fake.version += 1;
      return Promise.resolve({ result: { removed, version: fake.version }, etag: etag() });
    },
    replaceAuthorizedAccounts: () => Promise.reject(new Error('not used by the ipc layer')),
    administration: () => Promise.reject(new Error('not used by the ipc layer')),
    addAdministrator: () => Promise.reject(new Error('the administration handlers are tested against the real service')),
    removeAdministrator: () => Promise.reject(new Error('the administration handlers are tested against the real service')),
    setOnboardingControl: () => Promise.reject(new Error('the administration handlers are tested against the real service')),
    clearOnboardingControl: () => Promise.reject(new Error('the administration handlers are tested against the real service')),
    superUsers: () => Promise.reject(new Error('not used by the ipc layer')),
    reviewSuperUsers: () => Promise.reject(new Error('not used by the ipc layer')),
    listConnectors() {
      fake.calls.push('listConnectors');
      return Promise.resolve({ heartbeatSeconds: 30, nodes: [] });
    },
    audit(query = {}) {
      fake.calls.push(`audit:${JSON.stringify(query)}`);
      needToken();
      return Promise.resolve({ records: [], nextBefore: null });
    },
    serverCertificationPage: () => Promise.reject(new Error('not used by the ipc layer')),
    rmsoUri: () => Promise.reject(new Error('not used by the ipc layer')),
    openApiDocument: () => Promise.reject(new Error('not used by the ipc layer')),
    withToken: (newToken) => clientFor(fake, newToken),
    close() {
      fake.closedClients += 1;
      return Promise.resolve();
    },
  };
  // Each method is looked up at call time, so a test may replace one after sign-in.
  const dynamic = {} as ConnectorClient;
  for (const key of Object.keys(client) as (keyof ConnectorClient)[]) {
    // The fake's methods never use `this`, so handing them out unbound is safe.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    Object.defineProperty(dynamic, key, { enumerable: true, get: () => fake.overrides[key] ?? client[key] });
  }
  return dynamic;
}
