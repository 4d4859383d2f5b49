import { describe, expect, it } from 'vitest';
import type { Finding, ServerCheck } from '../../../contract/index.ts';
import { LIST_CHANGED_ERROR, makeEntry } from '../../testing/console-fixtures.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { undoRemoval } from './undo-removal.ts';

const removed = makeEntry(1, { name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' });

function finding(code: Finding['code'], severity: Finding['severity']): Finding {
  return { code, severity, message: `${code} message.`, accounts: [] };
}

function check(findings: readonly Finding[]): ServerCheck {
  return {
    role: 'exchange',
    object: { sid: removed.sid, label: removed.name, kind: 'group', inFolder: 'corp.contoso.test/Groups' },
    findings: [...findings],
    versionTag: 'v9',
  };
}

const added = { entry: removed, version: 9, versionTag: 'v9', superUserFeatureEnabled: true, findings: [] };

describe('undoRemoval', () => {
  it('adds the same SID for the same role, acknowledging the warnings the check raises, conditional on the version the removal left', async () => {
    const api = createFakeApi({
      'servers:check': () =>
        success(
          check([finding('SUPER_USER_GRANT', 'warning'), finding('SUPER_USER_NON_SERVER_MEMBER', 'warning'), finding('GROUP_SHARES_CERTIFICATES', 'info')]),
        ),
      'servers:add': () => success(added),
    });

    const result = await undoRemoval(api, { entry: removed, versionTag: 'v8' });

    expect(result).toEqual(success(added));
    expect(api.calls.map((call) => call.channel)).toEqual(['servers:check', 'servers:add']);
    expect(api.calls[1]?.request).toEqual({
      role: 'exchange',
      sid: removed.sid,
      acknowledged: ['SUPER_USER_GRANT', 'SUPER_USER_NON_SERVER_MEMBER'],
      versionTag: 'v8',
      operationId: expect.any(String) as string,
    });
  });

  it('refuses without adding when a finding now blocks the grant', async () => {
    const api = createFakeApi({ 'servers:check': () => success(check([finding('BROAD_PRINCIPAL', 'error')])) });

    const result = await undoRemoval(api, { entry: removed, versionTag: 'v8' });

    expect(!result.ok && result.error).toMatchObject({
      code: 'BLOCKED_BY_FINDINGS',
      title: 'CORP\\Exchange Servers cannot be added back',
      details: ['BROAD_PRINCIPAL'],
    });
    expect(api.calls.map((call) => call.channel)).toEqual(['servers:check']);
  });

  it("passes on the add path's LIST_CHANGED when someone changed the list meanwhile", async () => {
    const api = createFakeApi({ 'servers:check': () => success(check([])), 'servers:add': () => failure(LIST_CHANGED_ERROR) });

    expect(await undoRemoval(api, { entry: removed, versionTag: 'v8' })).toEqual(failure(LIST_CHANGED_ERROR));
  });
});
