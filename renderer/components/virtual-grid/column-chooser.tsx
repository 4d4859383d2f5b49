import { Button, Menu, MenuDivider, MenuItem, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ColumnTripleEditRegular } from '@fluentui/react-icons';
import type { JSX } from 'react';
import { DEFAULT_GRID_LAYOUT, isColumnVisible, withColumnVisible, type GridLayout } from './grid-layout.ts';
import type { GridColumn } from './grid-types.ts';

/** Props of {@link ColumnChooser}. */
export type ColumnChooserProps = {
  readonly columns: readonly GridColumn<never>[];
  readonly layout: GridLayout;
  readonly onChange: (layout: GridLayout) => void;
};

/**
 * "Columns…": tick the columns a grid shows, or put widths and columns back as they were.
 *
 * Windows Explorer's "Choose details" in a menu: the naming column stays ticked and cannot
 * be hidden, as Explorer's Name.
 */
export function ColumnChooser(props: ColumnChooserProps): JSX.Element {
  const { columns, layout, onChange } = props;
  const checked = columns.filter((column) => isColumnVisible(column, layout)).map((column) => column.id);
  return (
    <Menu
      checkedValues={{ columns: checked }}
      onCheckedValueChange={(_event, data) => {
        const shown = new Set(data.checkedItems);
        const changed = columns.find((column) => column.required !== true && shown.has(column.id) !== isColumnVisible(column, layout));
        if (changed) onChange(withColumnVisible(layout, changed.id, shown.has(changed.id)));
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<ColumnTripleEditRegular />}>
          Columns…
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {columns.map((column) => (
            <MenuItemCheckbox key={column.id} name="columns" value={column.id} disabled={column.required === true}>
              {column.label}
            </MenuItemCheckbox>
          ))}
          <MenuDivider />
          <MenuItem
            onClick={() => {
              onChange(DEFAULT_GRID_LAYOUT);
            }}
          >
            Reset columns
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
