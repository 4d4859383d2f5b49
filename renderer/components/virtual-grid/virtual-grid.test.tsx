import '../../testing/dom-shims.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubElementSize } from '../../testing/dom-shims.ts';
import type { GridColumn } from './grid-types.ts';
import { VirtualGrid } from './virtual-grid.tsx';

type Item = { id: string; name: string };
const ITEMS: Item[] = Array.from({ length: 5000 }, (_unused, index) => ({ id: `item-${String(index)}`, name: `Item ${String(index).padStart(4, '0')}` }));
const COLUMNS: GridColumn<Item>[] = [
  { id: 'name', label: 'Name', width: '1fr', text: (item) => item.name },
  { id: 'id', label: 'Id', width: '1fr', text: (item) => item.id },
];

function SelectableGrid(props: { onSort?: (column: string) => void; onActivate?: (item: Item) => void }) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  return (
    <FluentProvider theme={webLightTheme}>
      <VirtualGrid
        label="Items"
        rows={ITEMS}
        rowKey={(item) => item.id}
        columns={COLUMNS}
        selectedKey={selected}
        onSelect={setSelected}
        sort={{ column: 'name', direction: 'ascending' }}
        {...(props.onSort && { onSort: props.onSort })}
        {...(props.onActivate && { onActivate: props.onActivate })}
      />
    </FluentProvider>
  );
}

let restoreSize: () => void = () => undefined;
beforeEach(() => {
  restoreSize = stubElementSize({ width: 1200, height: 440 });
});
afterEach(() => {
  restoreSize();
});

describe('VirtualGrid', () => {
  it('renders only a window of rows out of 5,000, and counts them all for screen readers', () => {
    render(<SelectableGrid />);

    const grid = screen.getByRole('grid', { name: 'Items' });
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('selects with arrow keys and jumps to the last of 5,000 rows with End, keeping it focused', async () => {
    const user = userEvent.setup();
    render(<SelectableGrid />);

    await user.click(screen.getByRole('row', { name: /Item 0000/ }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('row', { name: /Item 0001/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('row', { name: /Item 0000/ })).toHaveAttribute('aria-selected', 'false');

    await user.keyboard('{End}');

    const last = screen.getByRole('row', { name: /Item 4999/ });
    expect(last).toHaveAttribute('aria-selected', 'true');
    expect(last).toHaveAttribute('aria-rowindex', '5001');
    expect(last).toHaveFocus();
    expect(screen.getAllByRole('row').length).toBeLessThan(40);
  });

  it('opens a row on double-click and on Enter', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    render(<SelectableGrid onActivate={(item) => opened.push(item.id)} />);

    await user.dblClick(screen.getByRole('row', { name: /Item 0003/ }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(opened).toEqual(['item-3', 'item-4']);
  });

  it('keeps one tab stop in the rows', async () => {
    const user = userEvent.setup();
    render(<SelectableGrid />);

    await user.click(screen.getByRole('row', { name: /Item 0002/ }));

    const tabbable = screen.getAllByRole('row').filter((row) => row.getAttribute('tabindex') === '0');
    expect(tabbable.map((row) => row.getAttribute('aria-rowindex'))).toEqual(['4']);
  });

  it('sorts on a header click and on Enter', async () => {
    const user = userEvent.setup();
    const onSort = vi.fn();
    render(<SelectableGrid onSort={onSort} />);

    await user.click(screen.getByRole('columnheader', { name: 'Id' }));
    await user.keyboard('{ArrowLeft}{Enter}');

    expect(onSort.mock.calls).toEqual([['id'], ['name']]);
  });
});

describe('VirtualGrid columns', () => {
  function LayoutGrid() {
    const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
    return (
      <FluentProvider theme={webLightTheme}>
        <VirtualGrid
          label="Items"
          layoutId="test-grid"
          rows={ITEMS.slice(0, 20)}
          rowKey={(item) => item.id}
          columns={COLUMNS}
          selectedKeys={selected}
          onSelectKeys={setSelected}
        />
      </FluentProvider>
    );
  }
  const stored = () => JSON.parse(localStorage.getItem('rms-connector-admin.grid-layout.test-grid') ?? 'null') as unknown;

  beforeEach(() => {
    localStorage.clear();
  });

  it('sizes the focused column with Alt+arrows and keeps the width for the next session', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<LayoutGrid />);
    const header = screen.getByRole('columnheader', { name: 'Name' });
    // jsdom lays nothing out: the header is as wide as this says.
    vi.spyOn(header, 'getBoundingClientRect').mockReturnValue({ width: 200 } as DOMRect);
    header.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(stored()).toEqual({ widths: { name: 216 }, visible: {} });
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(stored()).toEqual({ widths: { name: 184 }, visible: {} });
    unmount();
    render(<LayoutGrid />);
    expect((screen.getAllByRole('row')[0] as HTMLElement).style.gridTemplateColumns).toBe('184px 1fr');
  });

  it('hides a column chosen off in Columns… and never offers to hide the naming one', async () => {
    const user = userEvent.setup();
    render(<LayoutGrid />);
    await user.click(screen.getByRole('button', { name: 'Columns…' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Id' }));
    expect(screen.queryByRole('columnheader', { name: 'Id' })).not.toBeInTheDocument();
    expect(stored()).toEqual({ widths: {}, visible: { id: false } });
  });

  it('selects every row with Ctrl+A and a range with Shift+arrows', async () => {
    const user = userEvent.setup();
    render(<LayoutGrid />);
    expect(screen.getByRole('grid', { name: 'Items' })).toHaveAttribute('aria-multiselectable', 'true');
    await user.click(screen.getByRole('row', { name: /Item 0002/ }));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(screen.getAllByRole('row', { selected: true }).map((row) => row.getAttribute('aria-rowindex'))).toEqual(['4', '5', '6']);
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getAllByRole('row', { selected: true })).toHaveLength(20);
  });
});
