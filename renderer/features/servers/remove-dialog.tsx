import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { ErrorBar } from '../../components/error-bar.tsx';
import { useFocusReturn } from '../../components/use-focus-return.ts';
import { PICKUP_NOTE } from './pickup-note.ts';
import { entrySentence, removalConsequence, whoLosesAccess } from './removal-text.ts';
import { useRemovalImpact } from './use-removal-impact.ts';

/** A destructive primary button, as Fluent v9 apps draw one: the danger status colours from the theme. */
const useStyles = makeStyles({
  destructive: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

/**
 * The confirmation before removing an entry: an alert dialog with Cancel focused first.
 *
 * It says what the entry is (group, user, computer…, read from the directory by main), who
 * loses access (a group's members at any depth, counted, the first named), what the role's
 * loss means (an Exchange entry's members stop being super users) and when connectors notice.
 * Cancel comes first so that Enter on an unread dialog keeps the entry; Escape cancels too;
 * Remove is drawn as destructive. Focus goes back to the button or row that opened it, or
 * `onFocusLost` places it when that row was the one removed.
 */
export function RemoveDialog(props: {
  entry: AuthorizedAccount | undefined;
  removing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  onFocusLost: () => void;
}) {
  const styles = useStyles();
  const { entry } = props;
  const impact = useRemovalImpact(entry);
  useFocusReturn(entry !== undefined, props.onFocusLost);
  const kind = impact.impact?.object?.kind ?? entry?.kind;
  return (
    <Dialog
      modalType="alert"
      open={entry !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open && !props.removing) props.onCancel();
      }}
    >
      <DialogSurface>
        {entry && kind && (
          <DialogBody>
            <DialogTitle>Remove {entry.name}?</DialogTitle>
            <DialogContent>
              <p>
                {entrySentence(entry, kind)} {removalConsequence(entry.role, kind)}
              </p>
              {impact.loadState === 'loading' && <Spinner size="tiny" labelPosition="after" label="Reading who loses access from the directory…" />}
              {impact.impact && <p>{whoLosesAccess(entry, impact.impact)}</p>}
              {impact.error && <ErrorBar error={impact.error} />}
              <p>{PICKUP_NOTE}</p>
            </DialogContent>
            <DialogActions>
              <Button disabledFocusable={props.removing} onClick={props.onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" className={styles.destructive} disabledFocusable={props.removing} onClick={props.onConfirm}>
                {props.removing ? 'Removing…' : 'Remove'}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
