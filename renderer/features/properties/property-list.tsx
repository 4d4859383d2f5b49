import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** One labelled value; left out when the directory has none. */
export type PropertyItem = { readonly term: string; readonly value: ReactNode | undefined };

/**
 * Labels and values in two columns, as a property sheet lays them out; a value the directory
 * does not hold is left out rather than shown empty.
 */
export function PropertyList(props: { label: string; items: readonly PropertyItem[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list} aria-label={props.label}>
      {props.items
        .filter((item) => item.value !== undefined && item.value !== '')
        .map((item) => (
          <Fragment key={item.term}>
            <dt className={styles.term}>{item.term}</dt>
            <dd className={styles.value}>{item.value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
