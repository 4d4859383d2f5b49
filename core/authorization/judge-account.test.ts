import { describe, expect, it } from 'vitest';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { aliveConnectorNodeNames, judgeAccount } from './judge-account.ts';
import { createFakeDirectory, createFakeService } from './testing/fake-ports.ts';

const fs01 = makeObject({ name: 'FS01', kind: 'computer' });
const directory = createFakeDirectory([fs01]);
const codesOf = (findings: readonly { code: string }[]) => findings.map((finding) => finding.code);

describe('judgeAccount', () => {
  it('judges against the live list and answers the ETag the findings hold for', async () => {
    const service = createFakeService();
    service.version = 4;
    const judged = await judgeAccount(directory, service, { role: 'fci', account: { sid: fs01.sid }, connectorHosts: { from: 'service' } });
    expect(judged.status === 'judged' && { object: judged.judgement.object, etag: judged.listing.etag }).toEqual({ object: fs01, etag: '"4"' });
  });

  it("counts the service's alive nodes as connector hosts and leaves out the stopped ones", async () => {
    const service = createFakeService();
    service.nodes = [{ name: 'FS01$', alive: true }];
    const alive = await judgeAccount(directory, service, { role: 'fci', account: { sid: fs01.sid }, connectorHosts: { from: 'service' } });
    service.nodes = [{ name: 'FS01$', alive: false }];
    const stopped = await judgeAccount(directory, service, { role: 'fci', account: { sid: fs01.sid }, connectorHosts: { from: 'service' } });
    expect([alive, stopped].map((judged) => judged.status === 'judged' && codesOf(judged.judgement.findings).includes('CONNECTOR_HOST'))).toEqual([
      true,
      false,
    ]);
  });

  it('uses typed connector hosts without asking the service for its nodes', async () => {
    const service = createFakeService();
    const judged = await judgeAccount(directory, service, { role: 'fci', account: { name: 'FS01$' }, connectorHosts: { from: 'typed', names: ['FS01$'] } });
    expect({ host: judged.status === 'judged' && codesOf(judged.judgement.findings).includes('CONNECTOR_HOST'), calls: service.calls }).toEqual({
      host: true,
      calls: ['list'],
    });
  });

  it('answers unresolved, without judging, when the account is not in the directory', async () => {
    const judged = await judgeAccount(directory, createFakeService(), {
      role: 'fci',
      account: { name: 'FS99$' },
      connectorHosts: { from: 'typed', names: [] },
    });
    expect(judged.status === 'unresolved' && codesOf(judged.findings)).toEqual(['NOT_FOUND']);
  });

  it('stops when the signal was aborted while the reads ran', async () => {
    const controller = new AbortController();
    const service = createFakeService();
    const list = service.listAuthorizedAccounts.bind(service);
    service.listAuthorizedAccounts = (options) => {
      controller.abort();
      return list(options);
    };
    await expect(
      judgeAccount(directory, service, { role: 'fci', account: { sid: fs01.sid }, connectorHosts: { from: 'service' } }, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('aliveConnectorNodeNames', () => {
  it('names only the nodes still heartbeating', async () => {
    const service = createFakeService();
    service.nodes = [
      { name: 'RMSCON01', alive: true },
      { name: 'RMSCON02', alive: false },
    ];
    expect(await aliveConnectorNodeNames(service)).toEqual(['RMSCON01']);
  });
});
