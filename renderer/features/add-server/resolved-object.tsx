import { makeStyles, tokens } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ServerCheck } from '../../../contract/index.ts';
import { objectTypeLabel } from '../object-picker/object-types.ts';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  name: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The object a check was made for: `DOMAIN\name`, its type and where it lives.
 *
 * Names are ambiguous and SIDs unreadable; showing the resolved account with its folder lets
 * the admin confirm it is the object they meant before reading the findings.
 */
export function ResolvedObject(props: { object: ServerCheck['object'] }): JSX.Element {
  const styles = useStyles();
  const { object } = props;
  return (
    <dl className={styles.list} aria-label="Resolved object">
      <dt className={styles.term}>Name</dt>
      <dd className={styles.name}>{object.label}</dd>
      <dt className={styles.term}>Type</dt>
      <dd className={styles.value}>{objectTypeLabel({ kind: object.kind })}</dd>
      <dt className={styles.term}>In Folder</dt>
      <dd className={styles.value}>{object.inFolder}</dd>
    </dl>
  );
}
