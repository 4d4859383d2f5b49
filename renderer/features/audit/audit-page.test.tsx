import '../../testing/dom-shims.ts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '../../../contract/index.ts';
import { stubElementSize } from '../../testing/dom-shims.ts';
import { createFakeApi, failure, success } from '../../testing/fake-api.ts';
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

  it('reads the older pages left before Export… saves, so the file holds every record the filters select', async () => {
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          saved.push(blob);
          return 'blob:csv';
        },
        revokeObjectURL: () => undefined,
      }),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const page = (before: number | undefined): { records: AuditRecord[]; nextBefore: number | null } => {
      if (before === undefined) return { records: [record(3, 'CORP\\FS03$')], nextBefore: 3 };
      return before === 3 ? { records: [record(2, 'CORP\\FS02$')], nextBefore: 2 } : { records: [record(1, 'CORP\\FS01$')], nextBefore: null };
    };
    const api = createFakeApi({ 'audit:list': (request) => success(page(request.before)) });
    const user = userEvent.setup();
    renderConsole(<AuditPage />, api);
    await screen.findByRole('row', { name: /CORP\\FS03\$/ });

    await user.click(screen.getByRole('button', { name: 'Export…' }));

    await waitFor(() => {
      expect(saved).toHaveLength(1);
    });
    const csv = await (saved[0] as Blob).text();
    expect(['FS03', 'FS02', 'FS01'].map((name) => csv.includes(`CORP\\${name}$`))).toEqual([true, true, true]);
    expect(api.calls.map((call) => call.request)).toEqual([{ limit: 100 }, { limit: 500, before: 3 }, { limit: 500, before: 2 }]);
    expect(screen.getByText(/that is the whole log for these filters/)).toBeInTheDocument();
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('saves nothing when reading the older pages fails, and says why', async () => {
    const saved: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv'), revokeObjectURL: () => undefined }));
    const api = createFakeApi({
      'audit:list': (request) =>
        request.before === undefined
          ? success({ records: [record(3, 'CORP\\FS03$')], nextBefore: 3 })
          : failure({ code: 'SERVICE_UNAVAILABLE', source: 'service', title: 'The service did not answer', message: 'Try again in a moment.' }),
    });
    const user = userEvent.setup();
    renderConsole(<AuditPage />, api);
    await screen.findByRole('row', { name: /CORP\\FS03\$/ });

    await user.click(screen.getByRole('button', { name: 'Export…' }));

    expect(await screen.findByText('The service did not answer')).toBeInTheDocument();
    expect(saved).toEqual([]);
    vi.unstubAllGlobals();
  });
});
