import { describe, expect, it } from 'vitest';
import type { AddServerResult, IpcResult, ServerCheck } from '../../../contract/index.ts';
import { createFakeApi, failure, success, type FakeHandlers } from '../../testing/fake-api.ts';
import { deferred, directoryObject, finding, serverCheck } from '../object-picker/testing/directory-fixtures.ts';
import { CHECK_NAMES_TYPES, createAddServerStore, selectCanSave } from './add-server-store.ts';

const exchangeServers = directoryObject(1107, { name: 'Exchange Servers' });
const otherExchangeServers = directoryObject(1108, { name: 'Exchange Servers', inFolder: 'corp.contoso.test/Legacy' });
const superUserCheck = serverCheck(exchangeServers, 'exchange', [
  finding('SUPER_USER_GRANT', 'warning'),
  finding('EMPTY_GROUP', 'warning'),
  finding('GROUP_SHARES_CERTIFICATES', 'info'),
]);
const added: AddServerResult = {
  entry: {
    id: '7b0e4a52-3f55-4d6c-9a0e-8f0c1d2e3f40',
    sid: exchangeServers.sid,
    name: 'CORP\\ExchangeServers',
    role: 'exchange',
    kind: 'group',
    addedBy: 'CORP\\admin',
    addedAt: '2026-11-22T10:00:00.000Z',
  },
  version: 8,
  versionTag: 'v8',
  superUserFeatureEnabled: true,
  findings: [],
};

function setUp(handlers: FakeHandlers = {}, check: ServerCheck = superUserCheck) {
  const api = createFakeApi({
    'directory:resolve-names': (request) => success([{ status: 'resolved', input: request.names[0] ?? '', object: exchangeServers }]),
    'servers:check': () => success(check),
    'servers:add': () => success(added),
    'operation:cancel': () => success({ cancelled: true }),
    ...handlers,
  });
  const store = createAddServerStore(api);
  return { api, store, state: () => store.getState(), channels: () => api.calls.map((call) => call.channel) };
}

async function checked(handlers: FakeHandlers = {}, check: ServerCheck = superUserCheck) {
  const context = setUp(handlers, check);
  context.state().setRole(check.role);
  context.state().setName('Exchange Servers');
  await context.state().checkNames();
  return context;
}

describe('add-server-store', () => {
  it('resolves the name, checks the grant and shows the findings when the name is unique', async () => {
    const { api, state } = await checked();
    expect(api.calls.map((call) => [call.channel, call.request])).toEqual([
      ['directory:resolve-names', { names: ['Exchange Servers'], types: [...CHECK_NAMES_TYPES], operationId: expect.any(String) }],
      ['servers:check', { role: 'exchange', sid: exchangeServers.sid, operationId: expect.any(String) }],
    ]);
    expect({ checkState: state().checkState, step: state().step, name: state().name, findings: state().findings }).toEqual({
      checkState: 'loaded',
      step: undefined,
      name: 'CORP\\ExchangeServers',
      findings: superUserCheck.findings,
    });
  });

  it('opens the chooser and checks the chosen object when the name is ambiguous', async () => {
    const { api, state } = await checked({
      'directory:resolve-names': () => success([{ status: 'ambiguous', input: 'Exchange Servers', candidates: [exchangeServers, otherExchangeServers] }]),
    });
    expect({ candidates: state().candidates, checkState: state().checkState }).toEqual({
      candidates: [exchangeServers, otherExchangeServers],
      checkState: 'idle',
    });
    await state().chooseCandidate(otherExchangeServers);
    expect(state().candidates).toEqual([]);
    expect(api.calls.at(-1)?.request).toEqual({ role: 'exchange', sid: otherExchangeServers.sid, operationId: expect.any(String) });
  });

  it('shows a NOT_FOUND error finding with the reason when nothing matches', async () => {
    const { state, channels } = await checked({
      'directory:resolve-names': () => success([{ status: 'not-found', input: 'Exchnage', reason: 'No object is named Exchnage.' }]),
    });
    expect(state().findings).toEqual([{ code: 'NOT_FOUND', severity: 'error', message: 'No object is named Exchnage.', accounts: [] }]);
    expect(channels()).toEqual(['directory:resolve-names']);
    expect(selectCanSave(state())).toBe(false);
  });

  it('allows saving only once every warning is acknowledged', async () => {
    const { state } = await checked();
    expect(selectCanSave(state())).toBe(false);
    state().acknowledge('SUPER_USER_GRANT', true);
    expect(selectCanSave(state())).toBe(false);
    state().acknowledge('EMPTY_GROUP', true);
    expect(selectCanSave(state())).toBe(true);
    state().acknowledge('SUPER_USER_GRANT', false);
    expect(selectCanSave(state())).toBe(false);
  });

  it('never allows saving while an error finding remains', async () => {
    const { state } = await checked({}, serverCheck(exchangeServers, 'exchange', [finding('BROAD_PRINCIPAL', 'error')]));
    expect(selectCanSave(state())).toBe(false);
  });

  it.each([
    [
      'the role changes',
      (store: ReturnType<typeof setUp>['store']) => {
        store.getState().setRole('fci');
      },
    ],
    [
      'the name changes',
      (store: ReturnType<typeof setUp>['store']) => {
        store.getState().setName('Exchange Servers 2');
      },
    ],
  ])('clears the findings and acknowledgements when %s', async (_label, change) => {
    const { store, state } = await checked();
    state().acknowledge('SUPER_USER_GRANT', true);
    change(store);
    expect({ check: state().check, findings: state().findings, acknowledged: [...state().acknowledged], canSave: selectCanSave(state()) }).toEqual({
      check: undefined,
      findings: [],
      acknowledged: [],
      canSave: false,
    });
  });

  it('cancels and drops a check still running when the role changes', async () => {
    const late = deferred<IpcResult<ServerCheck>>();
    const { api, state } = setUp({ 'servers:check': () => late.promise });
    state().setRole('exchange');
    state().setName('Exchange Servers');
    const running = state().checkNames();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state().step).toBe('checking-grant');
    const operationId = state().operationId;
    state().setRole('sharepoint');
    late.resolve(success(superUserCheck));
    await running;
    expect(api.calls.find((call) => call.channel === 'operation:cancel')?.request).toEqual({ operationId });
    expect({ check: state().check, findings: state().findings, checkState: state().checkState }).toEqual({
      check: undefined,
      findings: [],
      checkState: 'idle',
    });
  });

  it('sends operation:cancel and returns to idle when the admin cancels', async () => {
    const late = deferred<IpcResult<ServerCheck>>();
    const { api, state } = setUp({ 'servers:check': () => late.promise });
    state().setRole('exchange');
    state().setName('Exchange Servers');
    const running = state().checkNames();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state().step).toBe('checking-grant');
    const operationId = state().operationId;
    await state().cancel();
    late.resolve(failure({ code: 'CANCELLED', source: 'console', title: 'Cancelled', message: 'The operation was cancelled.' }));
    await running;
    expect(api.calls.at(-1)).toEqual({ channel: 'operation:cancel', request: { operationId } });
    expect({ checkState: state().checkState, step: state().step, error: state().error }).toEqual({ checkState: 'idle', step: undefined, error: undefined });
  });

  it('asks for a role before checking when none is chosen', async () => {
    const { state, channels } = setUp();
    state().setName('Exchange Servers');
    await state().checkNames();
    expect(state().validation).toEqual({ role: 'Choose the role this server plays first.' });
    expect(channels()).toEqual([]);
  });

  it('checks a browsed object by its SID without resolving its name', async () => {
    const { state, channels } = setUp();
    state().setRole('exchange');
    await state().checkObject(exchangeServers);
    expect(channels()).toEqual(['servers:check']);
    expect(state().name).toBe('CORP\\ExchangeServers');
  });

  it('saves with the acknowledged codes and the judged version when allowed', async () => {
    const { api, state } = await checked();
    state().acknowledge('SUPER_USER_GRANT', true);
    state().acknowledge('EMPTY_GROUP', true);
    expect(await state().save()).toEqual({ kind: 'added', result: added });
    expect(api.calls.at(-1)?.request).toEqual({
      role: 'exchange',
      sid: exchangeServers.sid,
      acknowledged: ['SUPER_USER_GRANT', 'EMPTY_GROUP'],
      versionTag: 'v7',
      operationId: expect.any(String),
    });
  });

  it('reports list-changed without an in-dialog error when the list changed meanwhile', async () => {
    const { state } = await checked(
      { 'servers:add': () => failure({ code: 'LIST_CHANGED', source: 'service', title: 'The list changed', message: 'Reload and try again.' }) },
      serverCheck(exchangeServers, 'exchange', []),
    );
    expect(await state().save()).toEqual({ kind: 'list-changed' });
    expect(state().error).toBeUndefined();
  });

  it.each(['NEEDS_ACKNOWLEDGEMENT', 'BLOCKED_BY_FINDINGS', 'POLICY_REFUSED', 'INTERNAL_ERROR'])(
    'keeps the dialog open with the error when the save fails with %s',
    async (code) => {
      const error = { code, source: 'console' as const, title: `${code} title`, message: `${code} message` };
      const { state } = await checked({ 'servers:add': () => failure(error) }, serverCheck(exchangeServers, 'exchange', []));
      expect(await state().save()).toEqual({ kind: 'not-saved' });
      expect({ saveState: state().saveState, error: state().error }).toEqual({ saveState: 'failed', error });
    },
  );

  it('does not call servers:add when saving is not allowed', async () => {
    const { state, channels } = await checked();
    expect(await state().save()).toEqual({ kind: 'not-saved' });
    expect(channels()).not.toContain('servers:add');
  });
});

describe('add-server-store when the list moves', () => {
  it('checks again against the current list, says so, and keeps acknowledgements of the very same findings', async () => {
    let version = 1;
    const context = await checked({ 'servers:check': () => success({ ...superUserCheck, versionTag: `v${String(version)}` }) });
    context.state().acknowledge('SUPER_USER_GRANT', true);
    version = 2;

    await context.state().listMoved(2);

    expect({
      checks: context.channels().filter((channel) => channel === 'servers:check').length,
      versionTag: context.state().check?.versionTag,
      acknowledged: [...context.state().acknowledged],
      note: context.state().recheckNote,
    }).toEqual({
      checks: 2,
      versionTag: 'v2',
      acknowledged: ['SUPER_USER_GRANT'],
      note: 'The list changed while this dialog was open: checked again against version 2.',
    });
  });

  it('asks for the acknowledgements again when the findings changed with the list', async () => {
    let check = superUserCheck;
    const context = await checked({ 'servers:check': () => success(check) });
    context.state().acknowledge('SUPER_USER_GRANT', true);
    context.state().acknowledge('EMPTY_GROUP', true);
    check = serverCheck(exchangeServers, 'exchange', [finding('SUPER_USER_GRANT', 'warning')]);

    await context.state().listMoved(5);

    expect([[...context.state().acknowledged], selectCanSave(context.state())]).toEqual([[], false]);
  });

  it('leaves a dialog with no finished check, or one saving, as it is', async () => {
    const unchecked = setUp();
    await unchecked.state().listMoved(3);
    const saving = await checked({ 'servers:add': () => new Promise<IpcResult<AddServerResult>>(() => undefined) });
    saving.state().acknowledge('SUPER_USER_GRANT', true);
    saving.state().acknowledge('EMPTY_GROUP', true);
    void saving.state().save();
    await saving.state().listMoved(3);
    expect([unchecked.channels(), saving.channels().filter((channel) => channel === 'servers:check').length, saving.state().recheckNote]).toEqual([
      [],
      1,
      undefined,
    ]);
  });

  it('checks once more when the list moves again during the re-check', async () => {
    const first = deferred<IpcResult<ServerCheck>>();
    let calls = 0;
    const context = await checked({
      'servers:check': () => {
        calls += 1;
        return calls === 2 ? first.promise : success({ ...superUserCheck, versionTag: `v${String(calls)}` });
      },
    });
    const recheck = context.state().listMoved(4);
    await context.state().listMoved(5);
    first.resolve(success({ ...superUserCheck, versionTag: 'v2' }));
    await recheck;
    expect([calls, context.state().check?.versionTag, context.state().recheckNote]).toEqual([
      3,
      'v3',
      'The list changed while this dialog was open: checked again against version 5.',
    ]);
  });
});
