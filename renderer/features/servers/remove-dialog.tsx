import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { AuthorizedAccount, Role } from '../../../contract/index.ts';
import { useFocusReturn } from '../../components/use-focus-return.ts';
import { roleLabel } from '../../format/labels.ts';

/**
 * What an account loses when its entry goes, in the admin's terms.
 *
 * Removing the Exchange entry also ends super-user rights through it, which an admin may not
 * connect with "remove a server"; the dialog says so before the click, not after.
 */
export function removalConsequence(role: Role): string {
  switch (role) {
    case 'exchange':
      return 'Its members stop being super users through this entry, and the Exchange servers in it can no longer open or protect content with the connector.';
    case 'sharepoint':
    case 'fci':
      return 'That server can no longer use the connector to protect or open content.';
  }
}

/**
 * The confirmation before removing an entry: an alert dialog with Cancel focused first.
 *
 * Cancel comes first so that Enter on an unread dialog keeps the entry; Escape cancels too.
 * Focus goes back to the button or row that opened it, or `onFocusLost` places it when that
 * row was the one removed.
 */
export function RemoveDialog(props: {
  entry: AuthorizedAccount | undefined;
  removing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  onFocusLost: () => void;
}) {
  const { entry } = props;
  useFocusReturn(entry !== undefined, props.onFocusLost);
  return (
    <Dialog
      modalType="alert"
      open={entry !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open && !props.removing) props.onCancel();
      }}
    >
      <DialogSurface>
        {entry && (
          <DialogBody>
            <DialogTitle>Remove {entry.name}?</DialogTitle>
            <DialogContent>
              <p>
                {entry.name} is allowed to use the connector as {roleLabel(entry.role)}. {removalConsequence(entry.role)}
              </p>
            </DialogContent>
            <DialogActions>
              <Button disabledFocusable={props.removing} onClick={props.onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" disabledFocusable={props.removing} onClick={props.onConfirm}>
                {props.removing ? 'Removing…' : 'Remove'}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
