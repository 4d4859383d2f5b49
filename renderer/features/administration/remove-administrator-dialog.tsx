import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { RoleBasedAdministrator } from '../../../contract/index.ts';
import { useFocusReturn } from '../../components/use-focus-return.ts';
import { ADMIN_ROLE_LABELS } from '../../format/labels.ts';

const useStyles = makeStyles({
  // Removing a role is destructive: the button says so in colour, as Windows' red actions do.
  destructive: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

/**
 * The confirmation before taking a role: who loses what, Cancel first, Remove in danger colours.
 *
 * A group's assignment covers every member, so the text says members lose the role too.
 */
export function RemoveAdministratorDialog(props: {
  readonly assignment: RoleBasedAdministrator | undefined;
  readonly removing: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}): JSX.Element {
  const styles = useStyles();
  const { assignment } = props;
  useFocusReturn(assignment !== undefined);
  return (
    <Dialog
      modalType="alert"
      open={assignment !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open && !props.removing) props.onCancel();
      }}
    >
      <DialogSurface>
        {assignment && (
          <DialogBody>
            <DialogTitle>
              Remove {assignment.name} as {ADMIN_ROLE_LABELS[assignment.role]}?
            </DialogTitle>
            <DialogContent>
              <p>
                {assignment.kind === 'group'
                  ? `Every member of ${assignment.name} loses the ${ADMIN_ROLE_LABELS[assignment.role]} role it holds through this group`
                  : `${assignment.name} loses the ${ADMIN_ROLE_LABELS[assignment.role]} role`}{' '}
                at the next request, on every connector node (unless another assignment gives it). The change is audited.
              </p>
            </DialogContent>
            <DialogActions>
              <Button disabledFocusable={props.removing} onClick={props.onCancel}>
                Cancel
              </Button>
              <Button className={styles.destructive} disabledFocusable={props.removing} onClick={props.onConfirm}>
                {props.removing ? 'Removing…' : 'Remove'}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
