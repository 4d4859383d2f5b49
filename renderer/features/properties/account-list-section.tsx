import {
  Badge,
  Link,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useStore } from 'zustand';
import { useStores } from '../../stores/stores-context.tsx';
import { AccountKindIcon } from './account-kind-icon.tsx';
import { listCountText, membershipPathLabel, objectTypeLabel } from './properties-format.ts';
import { useShownProperties } from './use-account-properties.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  name: { overflowWrap: 'anywhere', textAlign: 'start' },
  typeColumn: { width: '10rem' },
  pathColumn: { width: '7.5rem' },
  disabled: { marginLeft: tokens.spacingHorizontalXS },
});

const TEXTS = {
  memberOf: {
    label: 'Member Of',
    toggle: 'Include nested security groups',
    noun: { one: 'group', many: 'groups' },
    empty: 'Not a member of any group.',
  },
  members: {
    label: 'Members',
    toggle: 'Include nested members',
    noun: { one: 'member', many: 'members' },
    empty: 'This group has no members.',
  },
} as const;

/**
 * ADUC's Member Of or Members tab: each account with its folder (under the name, so a
 * long path never squeezes the other columns) and how it gets in (Direct,
 * Primary group — which memberOf never lists — or Nested). The switch adds nested groups or
 * members; each name opens that account's Properties in the same panel.
 */
export function AccountListSection(props: { list: 'memberOf' | 'members' }) {
  const styles = useStyles();
  const { properties: store } = useStores();
  const transitive = useStore(store, (state) => state.transitive[props.list]);
  const shown = useShownProperties();
  const texts = TEXTS[props.list];
  const list = props.list === 'memberOf' ? shown.memberOf : shown.members;
  if (list === undefined) return null;
  return (
    <>
      <div className={styles.bar}>
        <Switch
          label={texts.toggle}
          checked={transitive}
          onChange={(_event, data) => {
            store.getState().setTransitive(props.list, data.checked);
          }}
        />
        <Text role="status">{listCountText(list, texts.noun)}</Text>
      </div>
      {list.rows.length === 0 ? (
        <Text>{texts.empty}</Text>
      ) : (
        <Table size="small" aria-label={texts.label}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name and folder</TableHeaderCell>
              <TableHeaderCell className={styles.typeColumn}>Type</TableHeaderCell>
              <TableHeaderCell className={styles.pathColumn}>Membership</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((row) => (
              <TableRow key={row.sid}>
                <TableCell>
                  <TableCellLayout media={<AccountKindIcon object={row} />} description={row.inFolder}>
                    <Link
                      className={styles.name}
                      onClick={() => {
                        store.getState().openAccountProperties({ sid: row.sid, name: row.accountName });
                      }}
                    >
                      {row.accountName}
                    </Link>
                    {row.disabled && (
                      <Badge className={styles.disabled} appearance="tint" color="danger" size="small">
                        Disabled
                      </Badge>
                    )}
                  </TableCellLayout>
                </TableCell>
                <TableCell>{objectTypeLabel(row)}</TableCell>
                <TableCell>{membershipPathLabel(row.path)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
