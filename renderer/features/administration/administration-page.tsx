import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, DeleteRegular, DismissRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useState, type JSX } from 'react';
import { useStore } from 'zustand';
import { ROLE_CHANGE_PLACES, type RoleBasedAdministrator } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { useLiveMovement } from '../../stores/use-live-movement.ts';
import { ADMIN_ROLE_LABELS } from '../../format/labels.ts';
import { createAdministrationStore } from './administration-store.ts';
import { PrincipalDialog, type PrincipalPurpose } from './principal-dialog.tsx';
import { RemoveAdministratorDialog } from './remove-administrator-dialog.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '72rem' },
  heading: { ...typographyStyles.title2, margin: 0 },
  subheading: { ...typographyStyles.subtitle1, margin: `${tokens.spacingVerticalL} 0 0` },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  sid: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const ADMINISTRATION_TOPICS = ['administrators', 'onboarding'] as const;

/**
 * Administration: who may administer the connector (Get/Add/Remove-AipServiceRoleBasedAdministrator)
 * and the onboarding-control group.
 *
 * A GlobalAdministrator adds users and groups through Check Names or Browse…, removes them after
 * a confirmation, and sets or clears the onboarding group; each change is conditional on the
 * version shown and audited by the service. Anyone else sees the page read-only, told who can
 * change it; a role taken away since sign-in shows the service's refusal and turns it read-only.
 */
export function AdministrationPage(): JSX.Element {
  const styles = useStyles();
  const headingId = useId();
  const onboardingId = useId();
  const api = useAdminApi();
  const [store] = useState(() => createAdministrationStore(api));
  const state = useStore(store);
  const session = useStore(useStores().session, (sessionState) => sessionState.session);
  const [dialog, setDialog] = useState<PrincipalPurpose | undefined>(undefined);
  const [removing, setRemoving] = useState<RoleBasedAdministrator | undefined>(undefined);
  useEffect(() => {
    void store.getState().refresh();
  }, [store]);
  // Another admin's change, on any node, shows here as it is made (a change of ours reloads already).
  useLiveMovement(
    ADMINISTRATION_TOPICS,
    useCallback(() => {
      if (!store.getState().changing) void store.getState().follow();
    }, [store]),
  );

  const global = session?.admin.roles.includes('GlobalAdministrator') === true && !state.refusedAsNotGlobal;
  const administration = state.administration;
  const group = administration?.onboardingControl.group ?? null;
  const busy = state.changing || state.loadState === 'loading';

  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Administration
      </h1>
      <Text>Who may administer the connector, and who may sign in to do it. Changes apply on every connector node from the next request.</Text>
      {!global && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Read-only</MessageBarTitle>
            Only a Global Administrator can change role assignments or onboarding control. Ask one to make the change in {ROLE_CHANGE_PLACES}.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {global && (
          <Button
            appearance="primary"
            icon={<AddRegular />}
            disabledFocusable={busy || administration === undefined}
            onClick={() => {
              setDialog('administrator');
            }}
          >
            Add…
          </Button>
        )}
        <Button icon={<ArrowClockwiseRegular />} disabledFocusable={busy} onClick={() => void store.getState().refresh()}>
          Refresh
        </Button>
      </div>
      <LoadStatus loadState={state.loadState} error={state.loadState === 'failed' ? state.error : undefined} loadingLabel="Reading the administration…" />
      {state.loadState !== 'failed' && state.error && dialog === undefined && <ErrorBar error={state.error} />}
      <div role="status">{state.notice && <Text>{state.notice}</Text>}</div>
      {administration && (
        <Table aria-label="Role assignments" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>SID</TableHeaderCell>
              <TableHeaderCell>Added by</TableHeaderCell>
              <TableHeaderCell>Added</TableHeaderCell>
              {global && <TableHeaderCell>Actions</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {administration.administrators.map((assignment) => (
              <TableRow key={`${assignment.sid}-${assignment.role}`}>
                <TableCell>{assignment.name}</TableCell>
                <TableCell>{assignment.kind === 'group' ? 'Group' : 'User'}</TableCell>
                <TableCell>{ADMIN_ROLE_LABELS[assignment.role]}</TableCell>
                <TableCell className={styles.sid}>{assignment.sid}</TableCell>
                <TableCell>{assignment.addedBy}</TableCell>
                <TableCell>{formatDateTime(assignment.addedAt)}</TableCell>
                {global && (
                  <TableCell>
                    <Button
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={`Remove ${assignment.name} as ${ADMIN_ROLE_LABELS[assignment.role]}`}
                      disabledFocusable={busy}
                      onClick={() => {
                        setRemoving(assignment);
                      }}
                    >
                      Remove
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <h2 id={onboardingId} className={styles.subheading}>
        Onboarding control
      </h2>
      {administration && (
        <section aria-labelledby={onboardingId} className={styles.page}>
          <Text>
            {group
              ? `Only members of ${group.name} may sign in to administer the connector.`
              : 'Not set: every account that holds a role may sign in to administer the connector.'}
            {administration.onboardingControl.changedBy !== null &&
              ` Last changed by ${administration.onboardingControl.changedBy}${administration.onboardingControl.changedAt === null ? '' : ` on ${formatDateTime(administration.onboardingControl.changedAt)}`}.`}
          </Text>
          {global && (
            <div className={styles.actions}>
              <Button
                icon={<PeopleTeamRegular />}
                disabledFocusable={busy}
                onClick={() => {
                  setDialog('onboarding-group');
                }}
              >
                {group ? 'Change group…' : 'Set group…'}
              </Button>
              {group && (
                <Button icon={<DismissRegular />} disabledFocusable={busy} onClick={() => void store.getState().clearOnboardingGroup()}>
                  Clear onboarding control
                </Button>
              )}
            </div>
          )}
        </section>
      )}
      <PrincipalDialog
        open={dialog !== undefined}
        purpose={dialog ?? 'administrator'}
        busy={state.changing}
        onClose={() => {
          setDialog(undefined);
        }}
        onConfirm={(object, role) => (dialog === 'onboarding-group' ? store.getState().setOnboardingGroup(object) : store.getState().add(object, role))}
      />
      <RemoveAdministratorDialog
        assignment={removing}
        removing={state.changing}
        onCancel={() => {
          setRemoving(undefined);
        }}
        onConfirm={() => {
          if (removing === undefined) return;
          void store
            .getState()
            .remove(removing)
            .finally(() => {
              setRemoving(undefined);
            });
        }}
      />
    </section>
  );
}
