import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';
import { CopyRegular, DeleteRegular, InfoRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import type { AuthorizedAccount } from '../../../contract/index.ts';

/** What the row menu can do; Members left undefined (an account has none) is shown disabled. */
export type RowMenuActions = {
  readonly properties: () => void;
  readonly members: (() => void) | undefined;
  readonly copySid: () => void;
  readonly copyName: () => void;
  readonly remove: () => void;
};

/** Where a context menu opened: the pointer's position, or (from the keyboard) the row's corner. */
export type MenuAnchor = { readonly x: number; readonly y: number };

function pointAt(anchor: MenuAnchor): PositioningVirtualElement {
  return { getBoundingClientRect: () => ({ x: anchor.x, y: anchor.y, left: anchor.x, top: anchor.y, right: anchor.x, bottom: anchor.y, width: 0, height: 0 }) };
}

/**
 * A row's context menu, as on every Windows list: Properties, Members (for groups), Copy SID,
 * Copy name, Remove.
 *
 * Opened by a right-click at the pointer, by Shift+F10 or the Menu key at the row; Escape
 * closes it and `onClose` returns focus to the row. Items keep their names whatever the row,
 * and an action the entry does not have (Members of a computer) is disabled, not hidden, so
 * the menu reads the same on every row.
 */
export function RowContextMenu(props: {
  readonly entry: AuthorizedAccount | undefined;
  readonly anchor: MenuAnchor | undefined;
  readonly actions: RowMenuActions | undefined;
  readonly onClose: () => void;
}) {
  const { entry, anchor, actions } = props;
  const open = entry !== undefined && anchor !== undefined && actions !== undefined;
  return (
    <Menu
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) props.onClose();
      }}
      {...(anchor ? { positioning: { target: pointAt(anchor), position: 'below' as const, align: 'start' as const } } : {})}
    >
      <MenuPopover>
        {open && (
          <MenuList aria-label={`Actions for ${entry.name}`}>
            <MenuItem icon={<InfoRegular />} onClick={actions.properties}>
              Properties
            </MenuItem>
            <MenuItem icon={<PeopleTeamRegular />} disabled={actions.members === undefined} onClick={actions.members}>
              Members
            </MenuItem>
            <MenuDivider />
            <MenuItem icon={<CopyRegular />} onClick={actions.copySid}>
              Copy SID
            </MenuItem>
            <MenuItem icon={<CopyRegular />} onClick={actions.copyName}>
              Copy name
            </MenuItem>
            <MenuDivider />
            <MenuItem icon={<DeleteRegular />} onClick={actions.remove}>
              Remove
            </MenuItem>
          </MenuList>
        )}
      </MenuPopover>
    </Menu>
  );
}
