import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDirectory } from '../directory/index.ts';
import { adConnectOptions, SEED_PASSWORD } from '../directory/testing/ad-test-connection.ts';
import { describeChange } from './change-summary.ts';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { recordFollower, TEST_BACKOFF, waitUntil } from './testing/feed-follower.ts';
import { startServiceNode, type ServiceNode } from './testing/service-node.ts';

const ALICE = 'alice@corp.contoso.test';
const USERS = ['bulk.user.0321', 'bulk.user.0322', 'bulk.user.0323'];

async function sidsOf(names: readonly string[]): Promise<string[]> {
  const directory = await connectDirectory(adConnectOptions());
  try {
    const resolutions = await directory.resolveNames(names);
    return resolutions.map((resolution) => (resolution.status === 'resolved' ? resolution.object.sid : ''));
  } finally {
    await directory.close();
  }
}

describe('followChanges against a real node', () => {
  let service: ServiceNode;
  let client: ConnectorClient;
  let signedIn: ConnectorClient;
  let sids: string[];

  beforeAll(async () => {
    service = await startServiceNode([ALICE], { CONNECTOR_EVENTS_HEARTBEAT: '1' });
    client = createConnectorClient({ baseUrl: service.url, proxy: 'none' });
    const { token } = await client.signIn({ environment: 'AzureCloud', username: ALICE, password: SEED_PASSWORD });
    signedIn = client.withToken(token);
    sids = await sidsOf(USERS);
  });
  afterAll(async () => {
    await client.close();
    await service.dispose();
  });

  const entry = (index: number) => ({ sid: sids[index] ?? '', name: `CORP\\${USERS[index] ?? ''}`, role: 'sharepoint' as const });

  it('delivers each change another client commits, in order, said in one sentence', async () => {
    const follower = recordFollower(signedIn);
    try {
      await waitUntil(() => follower.ready.length === 1);
      const { etag } = await signedIn.listAuthorizedAccounts();
      const added = await signedIn.addAuthorizedAccount(entry(0), { ifMatch: etag });
      await signedIn.removeAuthorizedAccount(added.result.entry.id, { ifMatch: added.etag });
      await waitUntil(() => follower.changes.length === 2);
      const node = follower.ready[0]?.node ?? '';
      expect({
        sentences: follower.changes.map(describeChange),
        sequences: follower.changes.map((change) => change.sequence - (follower.ready[0]?.sequence ?? 0)),
        states: follower.states.map((state) => state.status),
      }).toEqual({
        sentences: [
          // The service records who signed in by user principal name.
          `${ALICE} added ${entry(0).name} as SharePoint Server, through ${node}`,
          `${ALICE} removed ${entry(0).name} as SharePoint Server, through ${node}`,
        ],
        sequences: [1, 2],
        states: ['connecting', 'live'],
      });
    } finally {
      follower.controller.abort();
      expect(await follower.outcome).toEqual({ kind: 'cancelled' });
    }
  });

  it('resumes after the last change seen and delivers exactly what was missed', async () => {
    const first = recordFollower(signedIn);
    await waitUntil(() => first.ready.length === 1);
    first.controller.abort();
    await first.outcome;
    const seen = first.ready[0]?.sequence ?? 0;
    const { etag } = await signedIn.listAuthorizedAccounts();
    const added = await signedIn.addAuthorizedAccount(entry(1), { ifMatch: etag });
    await signedIn.addAuthorizedAccount(entry(2), { ifMatch: added.etag });
    const resumed = recordFollower(signedIn, { after: seen });
    try {
      await waitUntil(() => resumed.changes.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({
        replaying: resumed.ready[0]?.replaying,
        sequences: resumed.changes.map((change) => change.sequence),
        names: resumed.changes.map((change) => (change.records[0]?.after as { name?: string } | null)?.name),
      }).toEqual({ replaying: 2, sequences: [seen + 1, seen + 2], names: [entry(1).name, entry(2).name] });
    } finally {
      resumed.controller.abort();
      await resumed.outcome;
    }
  });

  it('answers the conditional list read with null until the list moves', async () => {
    const { etag } = await signedIn.listAuthorizedAccounts();
    const unchanged = await signedIn.listAuthorizedAccountsIfChanged(etag);
    const current = await signedIn.listAuthorizedAccounts();
    const [removable] = current.list.entries;
    if (removable === undefined) throw new Error('The previous test left no entry to remove.');
    await signedIn.removeAuthorizedAccount(removable.id, { ifMatch: current.etag });
    const moved = await signedIn.listAuthorizedAccountsIfChanged(etag);
    expect({ unchanged, movedVersion: moved?.list.version, movedHasEntry: moved?.list.entries.some((listed) => listed.id === removable.id) }).toEqual({
      unchanged: null,
      movedVersion: current.list.version + 1,
      movedHasEntry: false,
    });
  });

  it('ends without retrying when the token is not accepted', async () => {
    const follower = recordFollower(client.withToken('not.a.token'), { backoff: TEST_BACKOFF });
    expect(await follower.outcome).toMatchObject({ kind: 'ended', code: 'UNAUTHENTICATED' });
  });

  it('reconnects, saying why, when the node stops', async () => {
    const follower = recordFollower(signedIn);
    try {
      await waitUntil(() => follower.ready.length === 1);
      await service.stop();
      await waitUntil(() => follower.states.some((state) => state.status === 'reconnecting'));
      const reconnecting = follower.states[2];
      expect({ states: follower.states.slice(0, 3).map((state) => state.status), reason: reconnecting?.reason }).toEqual({
        states: ['connecting', 'live', 'reconnecting'],
        reason: expect.stringMatching(/stop/i) as unknown,
      });
    } finally {
      follower.controller.abort();
      await follower.outcome;
    }
  });
});
