import { Spinner, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useStore } from 'zustand';
import { ErrorBar } from '../../components/error-bar.tsx';
import { FindingsList } from '../../components/findings-list.tsx';
import { objectTypeLabel } from '../object-picker/object-types.ts';
import type { AddSeveralStore, SeveralItem } from './add-several-store.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Underlined like a name the Windows object picker has resolved.
  resolved: { textDecoration: 'underline', fontWeight: tokens.fontWeightSemibold },
  folder: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

function Item(props: { item: SeveralItem; store: AddSeveralStore }): JSX.Element {
  const styles = useStyles();
  const { item, store } = props;
  const acknowledged = Object.fromEntries([...item.acknowledged].map((code) => [code, true]));
  return (
    <li aria-label={item.label}>
      <Text className={styles.resolved}>{item.label}</Text>
      {item.check && (
        <Text block className={styles.folder}>
          {objectTypeLabel({ kind: item.check.object.kind })} in {item.check.object.inFolder}
        </Text>
      )}
      {item.checkState === 'loading' && <Spinner size="extra-tiny" label="Checking the grant…" />}
      {item.error && <ErrorBar error={item.error} />}
      {item.check && item.check.findings.length > 0 && (
        <FindingsList
          findings={item.check.findings}
          acknowledged={acknowledged}
          onAcknowledge={(code, checked) => {
            store.getState().acknowledge(item.sid, code, checked);
          }}
          headingLevel={3}
        />
      )}
    </li>
  );
}

/**
 * The names of a several-name Check Names: each resolved one underlined with its findings,
 * then the names not found.
 *
 * Each object gets its own findings and acknowledgements, since a warning about one group
 * says nothing about the next.
 */
export function SeveralNames(props: { store: AddSeveralStore }): JSX.Element | null {
  const styles = useStyles();
  const { store } = props;
  const items = useStore(store, (state) => state.items);
  const unresolved = useStore(store, (state) => state.unresolved);
  const resolveState = useStore(store, (state) => state.resolveState);
  const error = useStore(store, (state) => state.error);
  if (resolveState === 'idle') return null;
  return (
    <section className={styles.root} aria-label="Names checked">
      {resolveState === 'loading' && <Spinner size="tiny" label="Checking names…" />}
      {error && <ErrorBar error={error} />}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => (
            <Item key={item.sid} item={item} store={store} />
          ))}
        </ul>
      )}
      {unresolved.length > 0 && (
        <div role="alert">
          <h3 className={styles.heading}>Not found</h3>
          <ul className={styles.list}>
            {unresolved.map((name) => (
              <li key={name.input} className={styles.missing}>
                “{name.input}”: {name.reason}
              </li>
            ))}
          </ul>
          <Text block>Correct or remove these names, then Check Names again.</Text>
        </div>
      )}
    </section>
  );
}
