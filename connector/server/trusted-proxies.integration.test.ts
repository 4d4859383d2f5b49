import { afterAll, describe, expect, it } from 'vitest';
import { call } from './testing/http.ts';
import { seedSid } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

/** Sign in and add an entry with an X-Forwarded-For header; the newest audit record. */
async function sourceRecorded(service: TestService, forwardedFor: string): Promise<unknown> {
  await service.grant(upnOf('alice'), 'GlobalAdministrator');
  const token = await service.signIn(upnOf('alice'));
  const entry = { sid: await seedSid('svc-sp-central'), name: 'svc-sp-central', role: 'sharepoint' };
  const added = await call(service.url, 'POST', '/v1/authorized-accounts', {
    token,
    body: entry,
    headers: { 'if-match': '*', 'x-forwarded-for': forwardedFor },
  });
  if (added.status !== 201) throw new Error(`The addition failed: ${added.text}`);
  const audit = await call(service.url, 'GET', '/v1/audit?limit=1', { token });
  return (audit.body.records as { source: string; action: string }[] | undefined)?.[0];
}

describe('the client address behind a load balancer', () => {
  const services: TestService[] = [];
  afterAll(async () => {
    for (const service of services) await service.dispose();
  });

  it('records the forwarded client address when the balancer is trusted, and the connecting address otherwise', async () => {
    const trusting = await startTestService({ trustedProxies: ['127.0.0.1'] });
    const plain = await startTestService();
    services.push(trusting, plain);
    expect([await sourceRecorded(trusting, '192.0.2.7'), await sourceRecorded(plain, '192.0.2.7')]).toEqual([
      expect.objectContaining({ source: '192.0.2.7' }),
      expect.objectContaining({ source: '127.0.0.1' }),
    ]);
  });
});
