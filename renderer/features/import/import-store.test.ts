import { describe, expect, it } from 'vitest';
import type { Finding, ImportFileChoice, ImportPreview, ImportRow } from '../../../contract/index.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
import { acknowledgementsOf, applyBlocker, describeIssue } from './import-preview-model.ts';
import { createImportStore } from './import-store.ts';

const fileId = '00000000-0000-4000-8000-000000000001';
const superUser: Finding = { code: 'SUPER_USER_GRANT', severity: 'warning', message: 'Every member becomes a super user.', accounts: [] };
const notSecurityGroup: Finding = { code: 'EXCHANGE_REQUIRES_SECURITY_GROUP', severity: 'error', message: 'Exchange needs a security group.', accounts: [] };
const exchange: ImportRow = {
  sid: 'S-1-5-21-1-2-3-1139',
  role: 'exchange',
  label: 'CORP\\Exchange Servers',
  kind: 'group',
  inFolder: 'corp/Users',
  findings: [superUser],
};
const fileServer: ImportRow = { sid: 'S-1-5-21-1-2-3-1201', role: 'fci', label: 'CORP\\FS01$', kind: 'computer', findings: [] };
const preview: ImportPreview = { version: 4, versionTag: '"4"', added: [exchange], removed: [fileServer], unchanged: [] };

function apiWith(
  apply: () => ReturnType<typeof success> | ReturnType<typeof failure> = () => success({ version: 5, versionTag: '"5"', added: 1, removed: 1 }),
) {
  return createFakeApi({
    'import:choose-file': () => success({ status: 'read', fileId, name: 'servers.json', format: 'json', entries: 1 }),
    'import:preview': () => success(preview),
    'import:progress': () => success(null),
    'import:apply': apply as never,
  });
}

describe('the import preview model', () => {
  it.each([
    ['a warning not yet ticked', preview, new Set<string>(), 'acknowledgements'],
    ['every warning ticked', preview, new Set([`${exchange.sid} exchange SUPER_USER_GRANT`]), undefined],
    ['an error on an entry to add', { ...preview, added: [{ ...exchange, findings: [notSecurityGroup] }] }, new Set<string>(), 'errors'],
    ['a file that changes nothing', { ...preview, added: [], removed: [], unchanged: [fileServer] }, new Set<string>(), 'nothing-to-change'],
    [
      'findings on unchanged entries only',
      { ...preview, added: [], unchanged: [{ ...exchange, findings: [notSecurityGroup, superUser] }] },
      new Set<string>(),
      undefined,
    ],
  ])('blocks Apply for %s as expected', (_label, shown, acknowledged, blocker) => {
    expect(applyBlocker(shown, acknowledged)).toBe(blocker);
  });

  it('sends the ticked warnings per added entry and nothing for the others', () => {
    expect(acknowledgementsOf({ ...preview, added: [exchange, fileServer] }, new Set([`${exchange.sid} exchange SUPER_USER_GRANT`]))).toEqual([
      { sid: exchange.sid, role: 'exchange', codes: ['SUPER_USER_GRANT'] },
    ]);
  });

  it.each([
    [{ kind: 'content', line: 3, entry: 2, field: 'role', problem: 'Not a role.' }, 'Line 3, entry 2, role: Not a role.'],
    [{ kind: 'syntax', line: 7, problem: 'A quoted cell is never closed.' }, 'Line 7: A quoted cell is never closed.'],
    [{ kind: 'too-many', problem: 'has 10,001 entries; a list holds at most 10,000' }, 'The file has 10,001 entries; a list holds at most 10,000.'],
  ] as const)('words the issue %j', (issue, text) => {
    expect(describeIssue(issue)).toBe(text);
  });
});

describe('createImportStore', () => {
  it('chooses a file, previews it, and applies it with the acknowledgements on the version previewed', async () => {
    const api = apiWith();
    const store = createImportStore(api);
    await store.getState().choose();
    expect([store.getState().phase, store.getState().preview]).toEqual(['preview', preview]);
    expect(await store.getState().apply()).toBe('not-applied');
    store.getState().acknowledge(exchange, 'SUPER_USER_GRANT', true);
    expect(await store.getState().apply()).toBe('applied');
    expect(api.calls.filter((call) => call.channel === 'import:apply').map((call) => call.request)).toEqual([
      { fileId, versionTag: '"4"', acknowledged: [{ sid: exchange.sid, role: 'exchange', codes: ['SUPER_USER_GRANT'] }], operationId: expect.any(String) },
    ]);
    expect(store.getState().phase).toBe('applied');
  });

  it('keeps the preview and shows the refusal when the list changed under it', async () => {
    const listChanged = { code: 'LIST_CHANGED', source: 'console', title: 'The list was changed by someone else', message: 'Reload it.' } as const;
    const store = createImportStore(apiWith(() => failure(listChanged)));
    await store.getState().choose();
    store.getState().acknowledge(exchange, 'SUPER_USER_GRANT', true);
    expect(await store.getState().apply()).toBe('list-changed');
    expect([store.getState().phase, store.getState().error]).toEqual(['preview', listChanged]);
  });

  it('shows the issues of a refused file and previews nothing', async () => {
    const refusal: ImportFileChoice = {
      status: 'refused',
      name: 'broken.csv',
      format: 'csv',
      issues: [{ kind: 'syntax', line: 2, problem: 'A quoted cell is never closed.' }],
      moreIssues: 0,
    };
    const api = createFakeApi({ 'import:choose-file': () => success(refusal) });
    const store = createImportStore(api);
    await store.getState().choose();
    expect([store.getState().phase, store.getState().refusal, api.calls.map((call) => call.channel)]).toEqual(['refused', refusal, ['import:choose-file']]);
  });

  it('says no file was chosen when the picker was closed', async () => {
    const store = createImportStore(createFakeApi({ 'import:choose-file': () => success({ status: 'closed' }) }));
    await store.getState().choose();
    expect(store.getState().phase).toBe('no-file');
  });
});
