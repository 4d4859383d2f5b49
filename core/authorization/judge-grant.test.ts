import { describe, expect, it } from 'vitest';
import { makeObject } from '../policy/testing/policy-fixtures.ts';
import { judgeGrant, unacknowledgedOf } from './judge-grant.ts';
import { createFakeDirectory } from './testing/fake-ports.ts';

const exchangeServers = makeObject({ name: 'Exchange Servers', kind: 'group', group: { scope: 'universal', security: true } });
const exch01 = makeObject({ name: 'EXCH01', kind: 'computer' });
const alice = makeObject({ name: 'alice', kind: 'user' });
const directory = createFakeDirectory([exchangeServers, exch01, alice], new Map([[exchangeServers.sid, [exch01]]]));
const codesOf = (findings: readonly { code: string }[]) => findings.map((finding) => finding.code);

describe('judgeGrant', () => {
  it('blocks a user account granted Exchange with the error finding', async () => {
    const judgement = await judgeGrant(directory, { role: 'exchange', object: alice, list: [], connectorNodeNames: [] });
    expect({ object: judgement.object, blocking: codesOf(judgement.blocking) }).toEqual({ object: alice, blocking: ['EXCHANGE_REQUIRES_SECURITY_GROUP'] });
  });

  it('finds nothing blocking and one warning to acknowledge when Exchange Servers is granted Exchange', async () => {
    const judgement = await judgeGrant(directory, { role: 'exchange', object: exchangeServers, list: [], connectorNodeNames: [] });
    expect({ all: codesOf(judgement.findings), blocking: codesOf(judgement.blocking), needsAcknowledgement: codesOf(judgement.needsAcknowledgement) }).toEqual({
      all: ['SUPER_USER_GRANT', 'GROUP_SHARES_CERTIFICATES'],
      blocking: [],
      needsAcknowledgement: ['SUPER_USER_GRANT'],
    });
  });

  it('judges against the list given when the account is already authorized', async () => {
    const judgement = await judgeGrant(directory, {
      role: 'exchange',
      object: exchangeServers,
      list: [{ sid: exchangeServers.sid, name: 'CORP\\Exchange Servers', role: 'exchange' }],
      connectorNodeNames: [],
    });
    expect(codesOf(judgement.blocking)).toContain('ALREADY_AUTHORIZED');
  });

  it('treats a connector node that is the granted computer as a connector host to acknowledge', async () => {
    const judgement = await judgeGrant(directory, { role: 'fci', object: exch01, list: [], connectorNodeNames: ['EXCH01$'] });
    expect(codesOf(judgement.needsAcknowledgement)).toContain('CONNECTOR_HOST');
  });

  it('stops the check when a typed connector node is not a computer account', async () => {
    await expect(judgeGrant(directory, { role: 'fci', object: exch01, list: [], connectorNodeNames: ['alice'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('leaves out a service-registered node that is not a computer account when told to ignore it', async () => {
    const judgement = await judgeGrant(directory, {
      role: 'fci',
      object: exch01,
      list: [],
      connectorNodeNames: ['alice', 'nobody'],
      unknownConnectorNodes: 'ignore',
    });
    expect(codesOf(judgement.needsAcknowledgement)).not.toContain('CONNECTOR_HOST');
  });
});

describe('unacknowledgedOf', () => {
  it('leaves out each warning acknowledged by its code', async () => {
    const judgement = await judgeGrant(directory, { role: 'exchange', object: exchangeServers, list: [], connectorNodeNames: [] });
    expect([codesOf(unacknowledgedOf(judgement, [])), codesOf(unacknowledgedOf(judgement, ['SUPER_USER_GRANT']))]).toEqual([['SUPER_USER_GRANT'], []]);
  });
});
