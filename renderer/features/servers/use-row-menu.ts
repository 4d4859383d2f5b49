import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import type { MenuAnchor } from './row-context-menu.tsx';

/** The grid's row behind a pointer event, by the row's `data-index` in the rows shown. */
export function rowOfEvent<Row>(event: MouseEvent<HTMLElement>, rows: readonly Row[]): Row | undefined {
  const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="row"][data-index]') : null;
  const index = row?.dataset['index'];
  return index === undefined ? undefined : rows[Number(index)];
}

/** Whether a key on a row asks for its context menu (Shift+F10 or the Menu key). */
export function isContextMenuKey(event: KeyboardEvent<HTMLElement>): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
}

/**
 * Which row's context menu is open, and where.
 *
 * A right-click opens it at the pointer; the keyboard opens it under the row's start, where
 * Windows list views put it.
 */
export function useRowMenu() {
  const [menu, setMenu] = useState<{ entry: AuthorizedAccount; anchor: MenuAnchor } | undefined>(undefined);
  return {
    menu,
    openAtPointer(entry: AuthorizedAccount, event: MouseEvent<HTMLElement>) {
      setMenu({ entry, anchor: { x: event.clientX, y: event.clientY } });
    },
    openAtRow(entry: AuthorizedAccount, row: HTMLElement) {
      const rect = row.getBoundingClientRect();
      setMenu({ entry, anchor: { x: rect.left + 24, y: rect.bottom } });
    },
    close() {
      setMenu(undefined);
    },
  };
}
