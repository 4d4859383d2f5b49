import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SuperUsers } from '../../contract/connector-api/index.ts';
import { createConnectorClient } from './connector-client.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { ConnectorError } from './connector-error.ts';
import { startFakeService, type FakeService } from './testing/fake-service.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.c2Vzc2lvbg.c2lnbmF0dXJl';
const ACCOUNT = {
  sid: 'S-1-5-21-1-2-3-2001',
  name: 'CORP\\mallory',
  kind: 'user' as const,
  grants: [{ entrySid: 'S-1-5-21-1-2-3-1139', entryName: 'CORP\\Exchange Servers', path: ['Exchange Servers', 'Helpdesk'], throughPrimaryGroup: false }],
  firstSeenAt: '2026-12-06T10:42:00.000Z',
};
const SUPER_USERS: SuperUsers = {
  version: 3,
  expandedAt: '2026-12-06T10:45:00.000Z',
  expandedBy: 'RMSCON01',
  listVersion: 7,
  superUsers: [ACCOUNT],
  lastReview: null,
  changesSinceReview: [{ change: 'joined', account: ACCOUNT, at: '2026-12-06T10:42:00.000Z', node: 'RMSCON01', sequence: 12 }],
};
const REVIEW = { at: '2026-12-06T11:00:00.000Z', by: 'bob@corp.contoso.com', bySid: 'S-1-5-21-1-2-3-1107', version: 3 };

describe('connector-client super users', () => {
  let service: FakeService;
  let client: ConnectorClient;

  beforeAll(async () => {
    service = await startFakeService();
    client = createConnectorClient({ baseUrl: service.url, token: TOKEN, proxy: 'none', retries: 0, userAgent: 'console-test' });
  });
  afterAll(async () => {
    await client.close();
    await service.close();
  });
  beforeEach(() => {
    service.requests.length = 0;
  });

  it('reads the super users with the ETag a review sends back', async () => {
    service.script({ json: SUPER_USERS, headers: { etag: '"3"' } });
    expect([await client.superUsers(), service.requests.map(({ method, url }) => `${method} ${url}`)]).toEqual([
      { superUsers: SUPER_USERS, etag: '"3"' },
      ['GET /v1/super-users'],
    ]);
  });

  it('reviews the version read, as If-Match with an empty JSON body, once', async () => {
    service.script({ json: { review: REVIEW } });
    const answer = await client.reviewSuperUsers(3);
    const [request] = service.requests;
    expect([answer, request?.method, request?.url, request?.headers['if-match'], request?.body]).toEqual([
      { review: REVIEW },
      'POST',
      '/v1/super-users/review',
      '"3"',
      '{}',
    ]);
  });

  it('says PRECONDITION_FAILED when the set changed since it was read', async () => {
    service.script({ status: 412, json: { code: 'PRECONDITION_FAILED', message: 'The super users changed since you read them.' }, headers: { etag: '"4"' } });
    await expect(client.reviewSuperUsers(3)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(service.requests).toHaveLength(1);
  });

  it.each([-1, 1.5, Number.NaN])('refuses the version %s before sending anything', async (version) => {
    await expect(client.reviewSuperUsers(version)).rejects.toBeInstanceOf(ConnectorError);
    expect(service.requests).toHaveLength(0);
  });
});
