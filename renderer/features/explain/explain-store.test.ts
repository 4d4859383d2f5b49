import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../contract/explain.ts';
import { createFakeApi } from '../../testing/fake-api.ts';
import { createExplainStore } from './explain-store.ts';

const notFound: Explanation = { status: 'not-found', input: 'FS09$', admitted: false, advice: [] };

describe('explain store', () => {
  it('sends the trimmed name, the role unless Any role, and an operation id', async () => {
    const api = createFakeApi({ 'servers:explain': () => ({ ok: true, value: notFound }) });
    const store = createExplainStore(api);
    store.getState().setName('  FS09$ ');
    store.getState().setRole('fci');
    await store.getState().test();
    expect([api.calls[0]?.request, store.getState().loadState, store.getState().explanation]).toEqual([
      { name: 'FS09$', role: 'fci', operationId: expect.any(String) },
      'loaded',
      notFound,
    ]);
  });

  it('asks for a name before calling main when the field is empty', async () => {
    const api = createFakeApi({});
    const store = createExplainStore(api);
    await store.getState().test();
    expect([api.calls, store.getState().validation]).toEqual([[], expect.stringContaining('Type the name of an account')]);
  });

  it('drops the answer of a cancelled test and goes back to what was shown', async () => {
    let answer: (value: Explanation) => void = () => undefined;
    const api = createFakeApi({
      'servers:explain': () =>
        new Promise(
          (resolve) =>
            (answer = (value) => {
              resolve({ ok: true, value });
            }),
        ),
      'operation:cancel': () => ({ ok: true, value: { cancelled: true } }),
    });
    const store = createExplainStore(api);
    const testing = store.getState().test('S-1-5-21-1-2-3-1105');
    await store.getState().cancel();
    answer(notFound);
    await testing;
    expect([store.getState().loadState, store.getState().explanation, api.calls.map((call) => call.channel)]).toEqual([
      'idle',
      undefined,
      ['servers:explain', 'operation:cancel'],
    ]);
  });
});
