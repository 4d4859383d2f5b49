import '../../testing/dom-shims.ts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../contract/index.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { AuditPage } from './audit-page.tsx';

function record(id: number, target: string): AuditRecord {
  return {
    id,
    at: '2026-05-03T10:00:00.000Z',
    actor: 'CORP\\alice',
    actorSid: null,
    source: 'console',
    node: 'node-1',
    action: 'authorized-account.remove',
    target,
    before: null,
    after: null,
    correlationId: `c${String(id)}`,
  };
}

let restoreSize: () => void = () => undefined;
beforeEach(() => {
  restoreSize = stubElementSize({ width: 1400, height: 600 });
});
afterEach(() => {
  restoreSize();
});

describe('AuditPage', () => {
  it('shows the newest records, applies filters and loads older records', async () => {
    const api = createFakeApi({
      'audit:list': (request) =>
        success(
          request.before === undefined ? { records: [record(2, 'CORP\\FS02$')], nextBefore: 2 } : { records: [record(1, 'CORP\\FS01$')], nextBefore: null },
        ),
    });
    const user = userEvent.setup();
    renderConsole(<AuditPage />, api);

    const newest = await screen.findByRole('row', { name: /CORP\\FS02\$/ });
    expect(newest).toHaveTextContent('Server removed');
    await user.type(screen.getByRole('textbox', { name: 'Who' }), 'alice');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await user.click(screen.getByRole('button', { name: 'Load older records' }));

    expect(await screen.findByRole('row', { name: /CORP\\FS01\$/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Load older records' })).toHaveAttribute('aria-disabled', 'true');
    });
    expect(api.calls.map((call) => call.request)).toEqual([{ limit: 100 }, { limit: 100, actor: 'alice' }, { limit: 100, actor: 'alice', before: 2 }]);
  });
});
