import { Toolbar, ToolbarButton, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, ArrowDownloadRegular, DeleteRegular, ShieldQuestionRegular } from '@fluentui/react-icons';
import { ImportButton } from '../import/import-button.tsx';

/** Props of {@link ServersToolbar}. */
export type ServersToolbarProps = {
  readonly canRemove: boolean;
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly onRemove: () => void;
  readonly onRefresh: () => void;
  readonly onExport: () => void;
  /** Open "Test a server": why the connector admits or refuses an account. */
  readonly onTest: () => void;
};

/**
 * The list's actions: Add…, Remove (needs a selected row), Refresh, Export CSV, Import…, Test a server….
 *
 * Add…, Remove and Test a server… open dialogs; they are focus-restore targets so closing a dialog puts
 * focus back on the button that opened it.
 */
export function ServersToolbar(props: ServersToolbarProps) {
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Toolbar aria-label="List actions">
      <ToolbarButton icon={<AddRegular />} onClick={props.onAdd} {...restoreFocusTarget}>
        Add…
      </ToolbarButton>
      <ToolbarButton icon={<DeleteRegular />} disabled={!props.canRemove} onClick={props.onRemove} {...restoreFocusTarget}>
        Remove
      </ToolbarButton>
      <ToolbarButton icon={<ArrowClockwiseRegular />} disabledFocusable={props.busy} onClick={props.onRefresh}>
        Refresh
      </ToolbarButton>
      <ToolbarButton icon={<ArrowDownloadRegular />} onClick={props.onExport}>
        Export CSV
      </ToolbarButton>
      <ImportButton />
      <ToolbarButton icon={<ShieldQuestionRegular />} onClick={props.onTest} {...restoreFocusTarget}>
        Test a server…
      </ToolbarButton>
    </Toolbar>
  );
}
