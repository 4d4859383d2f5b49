import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { AuthorizedAccount } from '../../../contract/index.ts';
import { useFocusReturn } from '../../components/use-focus-return.ts';
import { sourceText, type EntryExposure } from './super-user-exposure.ts';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '55vh',
    overflowY: 'auto',
  },
  account: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  paths: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/**
 * "Super users through NAME": the accounts an Exchange entry makes super users, and how each gets in.
 *
 * Each account shows its kind, "Not a server" when it is not an Exchange server's computer
 * account (a person or a service account that can open everything), and every path from the
 * entry to it (nested groups, "(primary group)" where the last link is the account's primary
 * group, which the group's Members tab does not show).
 */
export function SuperUserExposureDialog(props: {
  readonly entry: AuthorizedAccount | undefined;
  readonly exposure: EntryExposure | undefined;
  readonly onClose: () => void;
}) {
  const styles = useStyles();
  const listLabelId = useId();
  const { entry, exposure } = props;
  // Back to the badge (or the menu's row) that opened it: the row around the badge would otherwise take it.
  useFocusReturn(entry !== undefined);
  return (
    <Dialog
      open={entry !== undefined}
      onOpenChange={(_event, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface>
        {entry && exposure && (
          <DialogBody>
            <DialogTitle>Super users through {entry.name}</DialogTitle>
            <DialogContent>
              <p>
                Every account below can open and remove protection from all content your organization protects, because {entry.name} is allowed as Exchange
                Server. {sourceText(exposure)}
              </p>
              {exposure.status === 'known' && (
                <>
                  <Text id={listLabelId} weight="semibold">
                    {exposure.accounts.length === 1 ? '1 account' : `${String(exposure.accounts.length)} accounts`}
                  </Text>
                  <ul className={styles.list} aria-labelledby={listLabelId}>
                    {exposure.accounts.map((account) => (
                      <li key={account.sid} className={styles.account} aria-label={account.name}>
                        <span className={styles.heading}>
                          <Text className={styles.name}>{account.name}</Text>
                          <Text>{account.kindText}</Text>
                          {account.notAServer && (
                            <Badge color="danger" appearance="tint">
                              Not a server
                            </Badge>
                          )}
                        </span>
                        <ul className={styles.paths} aria-label={`How ${account.name} gets in`}>
                          {account.paths.map((path) => (
                            <li key={path}>{path}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={props.onClose}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
