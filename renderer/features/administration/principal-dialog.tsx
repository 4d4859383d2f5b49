import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useState, type JSX } from 'react';
import type { AdminRole, DirectoryObject, IpcError, ObjectTypeFilter } from '../../../contract/index.ts';
import { newOperationId } from '../../api/admin-api.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { MultipleNamesDialog } from '../add-server/multiple-names-dialog.tsx';
import { ObjectPickerDialog } from '../object-picker/object-picker-dialog.tsx';
import { objectTypeLabel } from '../object-picker/object-types.ts';
import { useFocusReturn } from '../object-picker/use-focus-return.ts';
import { ADMIN_ROLE_LABELS } from '../../format/labels.ts';

const useStyles = makeStyles({
  surface: { maxWidth: '620px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nameRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  nameField: { flexGrow: 1 },
  nameButtons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: '26px' },
  found: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** What the dialog is for: giving a role (user or security group), or choosing the onboarding group. */
export type PrincipalPurpose = 'administrator' | 'onboarding-group';

const TEXTS = {
  administrator: {
    title: 'Add an administrator',
    placeholder: 'e.g. CORP\\RMS Admins, alice@corp.contoso.com',
    confirm: 'Add',
    types: ['user', 'service-account', 'group'],
  },
  'onboarding-group': {
    title: 'Set the onboarding-control group',
    placeholder: 'e.g. CORP\\RMS Connector Admins',
    confirm: 'Set group',
    types: ['group'],
  },
} as const satisfies Record<PrincipalPurpose, { title: string; placeholder: string; confirm: string; types: readonly ObjectTypeFilter[] }>;

/** Props of {@link PrincipalDialog}. */
export type PrincipalDialogProps = {
  readonly open: boolean;
  readonly purpose: PrincipalPurpose;
  readonly busy: boolean;
  readonly onClose: () => void;
  /** Resolves undefined when the change was made (the dialog then closes), else the refusal, shown here. */
  readonly onConfirm: (object: DirectoryObject, role: AdminRole) => Promise<IpcError | undefined>;
};

/**
 * "Add an administrator" / "Set the onboarding-control group": name a user or group with Check
 * Names or Browse…, as the Windows object picker does, then confirm.
 *
 * The object is named by the SID the directory gave; the service resolves it again in its own
 * directory and stores that name, so what is typed here only finds the object.
 */
export function PrincipalDialog(props: PrincipalDialogProps): JSX.Element {
  const { open, purpose, onClose } = props;
  const texts = TEXTS[purpose];
  const styles = useStyles();
  const api = useAdminApi();
  const { surfaceRef } = useFocusReturn(open);
  const [role, setRole] = useState<AdminRole>('ConnectorAdministrator');
  const [name, setName] = useState('');
  const [found, setFound] = useState<DirectoryObject | undefined>(undefined);
  const [candidates, setCandidates] = useState<readonly DirectoryObject[]>([]);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<IpcError | undefined>(undefined);
  const [pickerOpen, setPickerOpen] = useState(false);

  useLayoutEffect(() => {
    if (!open) return;
    setRole('ConnectorAdministrator');
    setName('');
    setFound(undefined);
    setCandidates([]);
    setProblem(undefined);
    setError(undefined);
    setPickerOpen(false);
  }, [open]);

  const choose = (object: DirectoryObject) => {
    setFound(object);
    setName(object.samAccountName ?? object.name);
    setCandidates([]);
    setProblem(undefined);
  };
  const checkNames = async () => {
    const text = name.trim();
    setFound(undefined);
    setError(undefined);
    if (text === '') {
      setProblem('Type a name to check, or browse for it.');
      return;
    }
    setChecking(true);
    const answer = await api.call('directory:resolve-names', { names: [text], types: [...texts.types], operationId: newOperationId() });
    setChecking(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const [resolution] = answer.value;
    if (resolution?.status === 'resolved') choose(resolution.object);
    else if (resolution?.status === 'ambiguous') setCandidates(resolution.candidates);
    else setProblem(resolution?.reason ?? `No object named “${text}” was found.`);
  };
  const confirm = async () => {
    if (!found) {
      setProblem('Check the name first, or browse for the object.');
      return;
    }
    const refusal = await props.onConfirm(found, role);
    if (refusal === undefined) onClose();
    else setError(refusal);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>{texts.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {purpose === 'administrator' && (
              <Field label="Role">
                <RadioGroup
                  value={role}
                  onChange={(_event, data) => {
                    setRole(data.value === 'GlobalAdministrator' ? 'GlobalAdministrator' : 'ConnectorAdministrator');
                  }}
                >
                  <Radio value="ConnectorAdministrator" label={ADMIN_ROLE_LABELS.ConnectorAdministrator} />
                  <Radio value="GlobalAdministrator" label={ADMIN_ROLE_LABELS.GlobalAdministrator} />
                </RadioGroup>
              </Field>
            )}
            <div className={styles.nameRow}>
              <Field
                label={purpose === 'administrator' ? 'User or group name' : 'Security group name'}
                className={styles.nameField}
                validationMessage={problem ?? null}
              >
                <Input
                  value={name}
                  placeholder={texts.placeholder}
                  onChange={(_event, data) => {
                    setName(data.value);
                    setFound(undefined);
                  }}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter') return;
                    event.preventDefault();
                    void checkNames();
                  }}
                />
              </Field>
              <div className={styles.nameButtons}>
                <Button onClick={() => void checkNames()}>Check Names</Button>
                <Button
                  onClick={() => {
                    setPickerOpen(true);
                  }}
                >
                  Browse…
                </Button>
              </div>
            </div>
            {checking && <Spinner size="tiny" label="Checking names…" />}
            {found && (
              <dl className={styles.found} aria-label="Resolved object">
                <dt className={styles.term}>Name</dt>
                <dd className={styles.value}>{found.samAccountName ?? found.name}</dd>
                <dt className={styles.term}>Type</dt>
                <dd className={styles.value}>{objectTypeLabel(found)}</dd>
                <dt className={styles.term}>In Folder</dt>
                <dd className={styles.value}>{found.inFolder}</dd>
              </dl>
            )}
            {error && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={props.busy || found === undefined} onClick={() => void confirm()}>
              {props.busy ? 'Saving…' : texts.confirm}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
        <MultipleNamesDialog
          input={name}
          candidates={candidates}
          onChoose={choose}
          onCancel={() => {
            setCandidates([]);
          }}
        />
        <ObjectPickerDialog
          open={pickerOpen}
          role={purpose}
          onClose={() => {
            setPickerOpen(false);
          }}
          onPick={choose}
        />
      </DialogSurface>
    </Dialog>
  );
}
