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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useState, type JSX } from 'react';
import { useStore } from 'zustand';
import { ROLE_LABELS, accountNameOf } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import { ObjectPickerDialog } from '../object-picker/object-picker-dialog.tsx';
import { useFocusReturn } from '../object-picker/use-focus-return.ts';
import { createExplainStore, type RoleChoice } from './explain-store.ts';
import { ExplanationView } from './explanation-view.tsx';

const ROLE_OPTIONS: readonly { readonly value: RoleChoice; readonly label: string }[] = [
  { value: 'any', label: 'Any role' },
  { value: 'exchange', label: ROLE_LABELS.exchange },
  { value: 'sharepoint', label: ROLE_LABELS.sharepoint },
  { value: 'fci', label: ROLE_LABELS.fci },
];

function isRoleChoice(value: string): value is RoleChoice {
  return ROLE_OPTIONS.some((option) => option.value === value);
}

const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nameRow: { display: 'flex', alignItems: 'flex-start', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  nameField: { flexGrow: 1, minWidth: '18rem' },
  nameButtons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: '26px' },
});

/** Props of {@link ExplainDialog}. */
export type ExplainDialogProps = {
  readonly open: boolean;
  /** The signed-in domain's NetBIOS name, to name an ambiguous name's candidates `CORP\name`. */
  readonly netbiosDomain: string;
  readonly onClose: () => void;
};

/**
 * "Test a server": why the connector admits or refuses an account, from its token and the live list.
 *
 * The admin types (or browses for) the account a server authenticates as and, optionally, the
 * role it needs; main answers with the explanation (`servers:explain`). Nothing is changed.
 */
export function ExplainDialog(props: ExplainDialogProps): JSX.Element {
  const { open, onClose } = props;
  const styles = useStyles();
  const api = useAdminApi();
  const [store] = useState(() => createExplainStore(api));
  const state = useStore(store);
  const [pickerOpen, setPickerOpen] = useState(false);
  const { surfaceRef } = useFocusReturn(open);

  useLayoutEffect(() => {
    if (!open) return;
    store.getState().reset();
    setPickerOpen(false);
  }, [open, store]);

  const close = () => {
    void store.getState().cancel();
    onClose();
  };
  const test = () => void store.getState().test();

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) close();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>Test a server</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.nameRow}>
              <Field
                label="Account name"
                hint="The account the server authenticates as: FS01$ for a computer, CORP\svc-sp, name@domain or a SID."
                className={styles.nameField}
                validationMessage={state.validation ?? null}
              >
                <Input
                  value={state.name}
                  placeholder="e.g. CORP\EXCH01$, FS01$, CORP\svc-sp-central"
                  onChange={(_event, data) => {
                    state.setName(data.value);
                  }}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter') return;
                    event.preventDefault();
                    test();
                  }}
                />
              </Field>
              <div className={styles.nameButtons}>
                <Button appearance="primary" disabled={state.loadState === 'loading'} onClick={test}>
                  Test
                </Button>
                <Button
                  onClick={() => {
                    setPickerOpen(true);
                  }}
                >
                  Browse…
                </Button>
              </div>
            </div>
            <Field label="Role">
              <RadioGroup
                layout="horizontal"
                value={state.role}
                onChange={(_event, data) => {
                  if (isRoleChoice(data.value)) state.setRole(data.value);
                }}
              >
                {ROLE_OPTIONS.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </RadioGroup>
            </Field>
            {state.loadState === 'loading' && <OperationProgress label={`Testing ${state.tested ?? ''}…`} onCancel={() => void state.cancel()} />}
            {state.error && <ErrorBar error={state.error} />}
            {state.explanation && state.loadState !== 'failed' && (
              <section aria-label="Result">
                <ExplanationView
                  explanation={state.explanation}
                  netbiosDomain={props.netbiosDomain}
                  onTestCandidate={(candidate) => {
                    state.setName(candidate.samAccountName === undefined ? candidate.sid : accountNameOf(candidate, props.netbiosDomain));
                    void store.getState().test(candidate.sid);
                  }}
                />
              </section>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Close</Button>
          </DialogActions>
        </DialogBody>
        <ObjectPickerDialog
          open={pickerOpen}
          role={state.role === 'any' ? 'fci' : state.role}
          onClose={() => {
            setPickerOpen(false);
          }}
          onPick={(object) => {
            state.setName(object.samAccountName === undefined ? object.sid : accountNameOf(object, props.netbiosDomain));
            void store.getState().test(object.sid);
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}
