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
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { useStore } from 'zustand';
import type { AddServerResult, DirectoryObject, FindingCode } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { FindingsList } from '../../components/findings-list.tsx';
import { OperationProgress } from '../../components/operation-progress.tsx';
import type { ListMovement } from '../../stores/live-changes-store.ts';
import { ObjectPickerDialog } from '../object-picker/object-picker-dialog.tsx';
import { useFocusReturn } from '../object-picker/use-focus-return.ts';
import { createAddServerStore, selectCanSave } from './add-server-store.ts';
import { createAddSeveralStore, selectCanSaveSeveral } from './add-several-store.ts';
import { MultipleNamesDialog } from './multiple-names-dialog.tsx';
import { parseNameList } from './name-list.ts';
import { ResolvedObject } from './resolved-object.tsx';
import { RoleField } from './role-field.tsx';
import { SeveralNames } from './several-names.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '680px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nameRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  nameField: { flexGrow: 1 },
  nameButtons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: '26px' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Props of {@link AddServerDialog}. */
export type AddServerDialogProps = {
  readonly open: boolean;
  /** The list version the page shows, to say when the check judged a newer one. */
  readonly versionTag: string | undefined;
  readonly onClose: () => void;
  readonly onAdded: (result: AddServerResult) => void;
  /** Several entries were added at once (`alice; bob`, several rows picked): what was done. */
  readonly onAddedSeveral?: (summary: string) => void;
  readonly onListChanged: () => void;
  /** The latest change of the list pushed by main (another admin's, on any node), if any. */
  readonly listMovement?: ListMovement | undefined;
};

const STEP_LABELS = { 'resolving-names': 'Checking names…', 'checking-grant': 'Checking the grant…' } as const;

/**
 * "Allow a server to utilize the connector": role, object, findings, acknowledgements, save.
 *
 * The admin chooses the role first, names the account (typed and checked, or browsed), reads
 * what the grant would mean and acknowledges each warning; Save stays disabled until nothing
 * blocks. When another admin changes the list while it is open, a finished check runs again
 * and says so, so Save never sends findings judged against an old list. All state lives in
 * the add-server store; this component only lays it out.
 */
export function AddServerDialog(props: AddServerDialogProps): JSX.Element {
  const { open, onClose, onAdded, onListChanged } = props;
  const styles = useStyles();
  const api = useAdminApi();
  const [store] = useState(() => createAddServerStore(api));
  const state = useStore(store);
  const [several] = useState(() => createAddSeveralStore(api));
  const severalState = useStore(several);
  const severalActive = severalState.resolveState !== 'idle';
  const canSave = useStore(store, selectCanSave);
  const canSaveSeveral = selectCanSaveSeveral(severalState);
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const [severalSummary, setSeveralSummary] = useState<string | undefined>(undefined);
  const [pickerOpen, setPickerOpen] = useState(false);
  const { surfaceRef } = useFocusReturn(open);

  // Each opening starts afresh, before paint so the last session's findings never flash.
  useLayoutEffect(() => {
    if (!open) return;
    store.getState().reset();
    several.getState().reset();
    setNameProblem(undefined);
    setSeveralSummary(undefined);
    setPickerOpen(false);
  }, [open, store, several]);

  // Another admin changed the list while the dialog is open: a finished check is judged again
  // before Save can send it. A change from before the dialog opened is already in its check.
  const handledMovement = useRef<number | undefined>(undefined);
  const { listMovement } = props;
  useLayoutEffect(() => {
    if (open) handledMovement.current = listMovement?.id;
    // Only on opening (so `listMovement` is left out): later movements are for the effect below.
  }, [open]);
  useEffect(() => {
    if (!open || listMovement === undefined || listMovement.id === handledMovement.current) return;
    handledMovement.current = listMovement.id;
    void store.getState().listMoved(listMovement.listVersion);
  }, [open, listMovement, store]);

  const close = () => {
    void store.getState().cancel();
    several.getState().reset();
    onClose();
  };
  // Several names separated by ";" are resolved together, as in the Windows object picker.
  const checkNames = () => {
    const parsed = parseNameList(state.name);
    setNameProblem(undefined);
    several.getState().reset();
    if (!parsed.ok && state.name.includes(';')) {
      setNameProblem(parsed.message);
      return;
    }
    if (parsed.ok && parsed.names.length > 1) {
      const role = state.demandRole();
      if (role !== undefined) void several.getState().checkNames(role, parsed.names);
      return;
    }
    // "alice;" or a quoted name: check the name itself, not the typing around it.
    const [only] = parsed.ok ? parsed.names : [];
    if (only !== undefined && only !== state.name.trim()) state.setName(only);
    void store.getState().checkNames();
  };
  const pickMany = (objects: readonly DirectoryObject[]) => {
    const role = state.demandRole();
    const [first] = objects;
    if (role === undefined || !first) return;
    several.getState().reset();
    if (objects.length === 1) {
      void state.checkObject(first);
      return;
    }
    state.setName(objects.map((object) => object.samAccountName ?? object.name).join('; '));
    void several.getState().checkObjects(role, objects);
  };
  const saveSeveral = async () => {
    const outcome = await several.getState().save();
    if (outcome.kind === 'not-saved') {
      setSeveralSummary(outcome.summary);
      return;
    }
    if (outcome.kind === 'added') props.onAddedSeveral?.(outcome.summary);
    else onListChanged();
    onClose();
  };
  const save = async () => {
    if (severalActive) {
      await saveSeveral();
      return;
    }
    const outcome = await store.getState().save();
    if (outcome.kind === 'not-saved') return;
    if (outcome.kind === 'added') onAdded(outcome.result);
    else onListChanged();
    onClose();
  };
  const acknowledged: Partial<Record<FindingCode, boolean>> = Object.fromEntries([...state.acknowledged].map((code) => [code, true]));
  const judgedNewerList = props.versionTag !== undefined && state.check !== undefined && state.check.versionTag !== props.versionTag;

  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) close();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody ref={surfaceRef}>
          <DialogTitle>Allow a server to utilize the connector</DialogTitle>
          <DialogContent className={styles.content}>
            <RoleField
              role={state.role}
              validationMessage={state.validation.role}
              onChange={(role) => {
                several.getState().reset();
                state.setRole(role);
              }}
            />
            <div className={styles.nameRow}>
              <Field label="Object name" className={styles.nameField} validationMessage={state.validation.name ?? nameProblem ?? null}>
                <Input
                  value={state.name}
                  placeholder="e.g. Exchange Servers, CONTOSO\svc-sp, FILESRV01$"
                  onChange={(_event, data) => {
                    several.getState().reset();
                    setNameProblem(undefined);
                    state.setName(data.value);
                  }}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter') return;
                    event.preventDefault();
                    checkNames();
                  }}
                />
              </Field>
              <div className={styles.nameButtons}>
                <Button onClick={checkNames}>Check Names</Button>
                <Button
                  onClick={() => {
                    if (state.demandRole() !== undefined) setPickerOpen(true);
                  }}
                >
                  Browse…
                </Button>
              </div>
            </div>
            {state.step && <OperationProgress label={STEP_LABELS[state.step]} onCancel={() => void state.cancel()} />}
            {state.saveState === 'loading' && <Spinner size="tiny" label="Saving…" />}
            {state.check && <ResolvedObject object={state.check.object} />}
            <SeveralNames store={several} />
            {severalSummary !== undefined && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{severalSummary}</MessageBarBody>
              </MessageBar>
            )}
            <div role="status">
              {state.recheckNote !== undefined && (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{state.recheckNote}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            {judgedNewerList && state.recheckNote === undefined && (
              <Text className={styles.note}>The list has changed since the page loaded it; these findings are judged against the current list.</Text>
            )}
            {state.findings.length > 0 && (
              <FindingsList
                findings={state.findings}
                acknowledged={acknowledged}
                onAcknowledge={(code, checked) => {
                  state.acknowledge(code, checked);
                }}
                headingLevel={3}
              />
            )}
            {state.error && <ErrorBar error={state.error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={severalActive ? !canSaveSeveral : !canSave} onClick={() => void save()}>
              Save
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
        <MultipleNamesDialog
          input={severalState.ambiguous[0]?.input ?? state.name}
          candidates={severalState.ambiguous[0]?.candidates ?? state.candidates}
          onChoose={(object) => void (severalState.ambiguous.length > 0 ? several.getState().chooseCandidate(object) : state.chooseCandidate(object))}
          onCancel={() => {
            if (severalState.ambiguous.length > 0) several.getState().skipCandidates();
            else state.dismissCandidates();
          }}
        />
        <ObjectPickerDialog
          open={pickerOpen}
          role={state.role ?? 'exchange'}
          onClose={() => {
            setPickerOpen(false);
          }}
          onPick={(object) => void state.checkObject(object)}
          onPickMany={pickMany}
        />
      </DialogSurface>
    </Dialog>
  );
}
