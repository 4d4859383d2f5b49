import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { JSX } from 'react';
import { useStore } from 'zustand';
import type { ObjectPickerStore } from './object-picker-store.ts';
import { OBJECT_TYPE_CHOICES } from './object-types.ts';
import { OuTree } from './ou-tree.tsx';
import type { OuTreeStore } from './ou-tree-store.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  types: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  legend: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  tree: { maxHeight: '160px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  search: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * What to look for and where: object types, location (with the OU tree), the name prefix.
 *
 * Enter in "Name starts with" runs Find Now, as in the Windows object picker.
 */
export function PickerCriteria(props: { store: ObjectPickerStore; treeStore: OuTreeStore }): JSX.Element {
  const { store, treeStore } = props;
  const styles = useStyles();
  const typesLabelId = useId('object-types-');
  const types = useStore(store, (state) => state.types);
  const locationKind = useStore(store, (state) => state.locationKind);
  const containerDn = useStore(store, (state) => state.containerDn);
  const text = useStore(store, (state) => state.text);
  const validation = useStore(store, (state) => state.validation);
  const actions = store.getState();
  const search = () => void actions.search();
  return (
    <div className={styles.root}>
      <div role="group" aria-labelledby={typesLabelId}>
        <Text id={typesLabelId} className={styles.legend}>
          Object types
        </Text>
        <div className={styles.types}>
          {OBJECT_TYPE_CHOICES.map((choice) => (
            <Checkbox
              key={choice.value}
              label={choice.label}
              checked={types.has(choice.value)}
              onChange={(_event, data) => {
                actions.setType(choice.value, data.checked === true);
              }}
            />
          ))}
        </div>
      </div>
      <Field label="Location">
        <RadioGroup
          layout="horizontal"
          value={locationKind}
          onChange={(_event, data) => {
            if (data.value === 'domain' || data.value === 'global-catalog' || data.value === 'container') actions.setLocationKind(data.value);
          }}
        >
          <Radio value="domain" label="Entire domain" />
          <Radio value="global-catalog" label="Global catalog" />
          <Radio value="container" label="Organizational unit" />
        </RadioGroup>
      </Field>
      {locationKind === 'container' && (
        <div className={styles.tree}>
          <OuTree
            store={treeStore}
            selectedDn={containerDn}
            onSelect={(distinguishedName) => {
              actions.setContainer(distinguishedName);
            }}
          />
        </div>
      )}
      <div className={styles.search}>
        <Field label="Name starts with" className={styles.grow}>
          <Input
            value={text}
            onChange={(_event, data) => {
              actions.setText(data.value);
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              search();
            }}
          />
        </Field>
        <Button onClick={search}>Find Now</Button>
      </div>
      {validation !== undefined && (
        <Text role="alert" className={styles.invalid}>
          {validation}
        </Text>
      )}
    </div>
  );
}
