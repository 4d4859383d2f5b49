import { Button, Text, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { ShieldPersonRegular } from '@fluentui/react-icons';
import { createContext, useContext, type KeyboardEvent } from 'react';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { roleLabel } from '../../format/labels.ts';
import { badgeText, type EntryExposure } from './super-user-exposure.ts';

/** What the role cells of the servers grid need: each entry's super users and how to show them. */
export type ExposureCellContext = {
  readonly exposureOf: (entry: AuthorizedAccount) => EntryExposure | undefined;
  readonly open: (entry: AuthorizedAccount) => void;
};

/** Provided by the servers page; the grid's cells read it (a column definition holds no state). */
export const ExposureContext = createContext<ExposureCellContext>({ exposureOf: () => undefined, open: () => undefined });

const useStyles = makeStyles({
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  role: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  badge: {
    minWidth: 'auto',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
});

/** Enter and Space belong to the button here, not to the row (which selects or opens on them). */
function keepKeysFromRow(event: KeyboardEvent<HTMLButtonElement>): void {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
}

/**
 * The role cell: the role in words, and on an Exchange entry the "Super user · N accounts" button.
 *
 * The count is exposure at the moment of acting: every account it counts can open all
 * protected content. It is a real button (Tab reaches it, Enter or Space opens the dialog
 * listing the accounts and how each gets in); its accessible name is its text.
 */
export function RoleCell(props: { readonly entry: AuthorizedAccount }) {
  const styles = useStyles();
  const { exposureOf, open } = useContext(ExposureContext);
  const exposure = exposureOf(props.entry);
  return (
    <span className={styles.cell}>
      <Text className={styles.role}>{roleLabel(props.entry.role)}</Text>
      {exposure && (
        <Button
          className={styles.badge}
          size="small"
          appearance="outline"
          icon={<ShieldPersonRegular />}
          aria-haspopup="dialog"
          onKeyDown={keepKeysFromRow}
          onClick={() => {
            open(props.entry);
          }}
        >
          {badgeText(exposure)}
        </Button>
      )}
    </span>
  );
}
