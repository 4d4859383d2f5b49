import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { QuestionCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { IpcError } from '../../contract/index.ts';
import { useAdminApi } from '../api/api-context.tsx';
import { ErrorBar } from './error-bar.tsx';

/**
 * The Help menu: "Open logs" opens the folder of the console's log files (desktop app only).
 *
 * Shown only where main says it can (`desktop.openLogs`); a failure to open is shown as the
 * usual error bar next to the menu rather than lost.
 */
export function HelpMenu() {
  const api = useAdminApi();
  const [error, setError] = useState<IpcError | undefined>(undefined);
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<QuestionCircleRegular />}>Help</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem
              onClick={() => {
                setError(undefined);
                void api.call('app:open-logs', {}).then((result) => {
                  if (!result.ok) setError(result.error);
                });
              }}
            >
              Open logs
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {error && <ErrorBar error={error} />}
    </>
  );
}
