import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeApi, success } from '../../testing/fake-api.ts';
import { renderConsole } from '../../testing/render-console.tsx';
import { ReviewPage } from './review-page.tsx';

describe('ReviewPage', () => {
  it('runs the review on request and shows the findings grouped by severity', async () => {
    const api = createFakeApi({
      'review:list': () =>
        success({
          entries: 12,
          listVersion: 9,
          findings: [
            {
              code: 'ORPHANED_ENTRY',
              severity: 'warning',
              message: 'S-1-5-21-1-2-3-999 no longer resolves.',
              accounts: [{ sid: 'S-1-5-21-1-2-3-999', name: 'CORP\\old-server$' }],
            },
          ],
        }),
    });
    renderConsole(<ReviewPage />, api);
    expect(api.calls).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Run review' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Warnings' })).toBeInTheDocument();
    expect(screen.getByText('Reviewed 12 entries (list version 9): 0 errors, 1 warning, 0 notes.')).toBeInTheDocument();
    expect(screen.getByText('CORP\\old-server$')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
