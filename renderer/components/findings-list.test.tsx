import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../contract/index.ts';
import { FindingsList, type FindingsListProps } from './findings-list.tsx';

const accounts = Array.from({ length: 23 }, (_unused, index) => ({ sid: `S-1-5-21-1-2-3-${String(1000 + index)}`, name: `CORP\\member-${String(index)}` }));
const findings: Finding[] = [
  { code: 'SUPER_USER_GRANT', severity: 'warning', message: 'Every member becomes a super user.', accounts },
  { code: 'BROAD_PRINCIPAL', severity: 'error', message: 'Domain Users must never be authorized.', accounts: [] },
  { code: 'GROUP_SHARES_CERTIFICATES', severity: 'info', message: 'Servers in a group share certificates.', accounts: [] },
  { code: 'ACCOUNT_DISABLED', severity: 'warning', message: 'The account is disabled.', accounts: [] },
];

function renderList(props: FindingsListProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList {...props} />
    </FluentProvider>,
  );
}

describe('FindingsList', () => {
  it('groups findings under Errors, Warnings and Information headings, in that order', () => {
    renderList({ findings });
    expect(screen.getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['Errors', 'Warnings', 'Information']);
    expect(within(screen.getByRole('region', { name: 'Errors' })).getByText(/Domain Users must never be authorized/)).toBeInTheDocument();
  });

  it('lists 20 accounts, then says how many more', () => {
    renderList({ findings: [findings[0] as Finding] });
    const list = screen.getByRole('list', { name: 'Accounts' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(21);
    expect(items.at(-1)).toHaveTextContent('and 3 more');
  });

  it('shows no checkboxes when read-only', () => {
    renderList({ findings });
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('gives each warning an "I understand" checkbox that reports its code', async () => {
    const onAcknowledge = vi.fn();
    renderList({ findings, acknowledged: { ACCOUNT_DISABLED: true }, onAcknowledge });

    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([false, true]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'I understand that every member listed will be able to open all protected content' }));

    expect(onAcknowledge).toHaveBeenCalledWith('SUPER_USER_GRANT', true);
    expect(screen.getByRole('checkbox', { name: /^I understand that the account is disabled/ })).toBeChecked();
  });
});
