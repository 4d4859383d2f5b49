import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LiveFeedState } from '../../contract/index.ts';
import { formatDateTime, formatTime } from '../format/date-time.ts';
import { makeEntry, makeServerList, makeSession } from '../testing/console-fixtures.ts';
import { createFakeApi } from '../testing/fake-api.ts';
import { renderConsole } from '../testing/render-console.tsx';
import { feedStatusText, StatusBar } from './status-bar.tsx';

describe('feedStatusText', () => {
  it.each<[string, LiveFeedState, string, string | undefined]>([
    ['connecting', { status: 'connecting' }, 'Connecting to live updates…', undefined],
    ['live', { status: 'live', node: 'RMSCON01' }, 'Live', 'Changes by any administrator show here as they are made (through RMSCON01).'],
    ['reconnecting', { status: 'reconnecting', reason: 'The connection dropped.' }, 'Reconnecting…', 'The connection dropped.'],
    [
      'polling',
      { status: 'polling', reason: 'The service has no change feed.', intervalSeconds: 30 },
      'Live updates unavailable: checking every 30 s',
      'The service has no change feed.',
    ],
    [
      'ended',
      { status: 'ended', code: 'TOKEN_EXPIRED', message: 'Your sign-in expired. Sign in again.' },
      'Live updates stopped',
      'Your sign-in expired. Sign in again.',
    ],
  ])('says %s in words', (_label, state, label, detail) => {
    expect(feedStatusText(state)).toEqual({ label, detail });
  });
});

describe('StatusBar', () => {
  it('shows the feed state and the latest change in polite live regions', () => {
    const api = createFakeApi({});
    renderConsole(<StatusBar />, api);
    act(() => {
      api.emit({ kind: 'feed-state', state: { status: 'live' } });
      api.emit({
        kind: 'change',
        change: {
          summary: 'CORP\\bob removed CORP\\FS02$ (File server using FCI), through RMSCON02',
          at: '2026-12-06T10:42:00.000Z',
          actor: 'CORP\\bob',
          node: 'RMSCON02',
          listVersion: 9,
          touches: ['list'],
        },
      });
    });
    expect([screen.getByRole('contentinfo', { name: 'Status bar' }).textContent, screen.getByRole('status', { name: 'Latest change' }).textContent]).toEqual([
      `LiveChanges by any administrator show here as they are made.CORP\\bob removed CORP\\FS02$ (File server using FCI), through RMSCON02, ${formatTime('2026-12-06T10:42:00.000Z')}`,
      `CORP\\bob removed CORP\\FS02$ (File server using FCI), through RMSCON02, ${formatTime('2026-12-06T10:42:00.000Z')}`,
    ]);
  });

  it('lists where the console is connected, each item named, and follows a re-read of the list', async () => {
    const api = createFakeApi({ 'servers:list': () => ({ ok: true, value: makeServerList([makeEntry(1)], 12) }) });
    const { stores } = renderConsole(<StatusBar />, api);
    act(() => {
      stores.session.setState({ session: makeSession(), loadState: 'loaded' });
      api.emit({ kind: 'feed-state', state: { status: 'live', node: 'RMSCON01' } });
      api.emit({ kind: 'feed-state', state: { status: 'reconnecting', reason: 'The connection dropped.' } });
    });
    const connection = screen.getByRole('list', { name: 'Connection' });
    expect(
      within(connection)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual([
      'Service: https://connector.corp.contoso.test',
      'Node: RMSCON01',
      'Domain controller: dc1.corp.contoso.test',
      'Account: CORP\\admin (Global Administrator)',
      'List version: not read yet',
      'Last read: not yet',
    ]);
    await act(() => stores.servers.getState().refresh());
    const readAt = stores.servers.getState().readAt ?? '';
    expect([
      screen.getByRole('listitem', { name: /^List version/ }).textContent,
      screen.getByRole('listitem', { name: /^Last read/ }).getAttribute('aria-label'),
    ]).toEqual(['List version:12', `Last read: now (${formatDateTime(readAt)})`]);
    expect(
      screen
        .getByRole('listitem', { name: /^Last read/ })
        .querySelector('time')
        ?.getAttribute('title'),
    ).toBe(formatDateTime(readAt));
  });
});
