import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * A labelled spinner with a Cancel button for an operation the admin may abandon.
 *
 * Directory expansions and reviews can take a while on a large forest; the label says what
 * runs and Cancel lets the caller send `operation:cancel` for its operation id.
 */
export function OperationProgress(props: { label: string; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner size="tiny" label={props.label} />
      <Button onClick={props.onCancel}>Cancel</Button>
    </div>
  );
}
