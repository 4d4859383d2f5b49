import { Input, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { FilterRegular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AuthorizedAccount, IpcError } from '../../../contract/index.ts';
import { useAdminApi } from '../../api/api-context.tsx';
import { ErrorBar } from '../../components/error-bar.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { roleLabel } from '../../format/labels.ts';
import { filterEntries, sortEntries } from '../../stores/servers-selectors.ts';
import { touchesAny } from '../../stores/live-changes-store.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { AddServerDialog } from '../add-server/add-server-dialog.tsx';
import { ExplainDialog } from '../explain/explain-dialog.tsx';
import { ListChangedBar } from './list-changed-bar.tsx';
import { PICKUP_NOTE } from './pickup-note.ts';
import { RemoveDialog } from './remove-dialog.tsx';
import { saveTextFile } from './save-text-file.ts';
import { ServersGrid } from './servers-grid.tsx';
import { ServersToolbar } from './servers-toolbar.tsx';
import { ExposureContext } from './super-user-badge.tsx';
import { SuperUserExposureDialog } from './super-user-exposure-dialog.tsx';
import { UndoBar } from './undo-bar.tsx';
import { undoRemoval, type RemovedEntry } from './undo-removal.ts';
import { usePageShortcuts } from './use-page-shortcuts.ts';
import { useSuperUserExposure } from './use-super-user-exposure.ts';

export { PICKUP_NOTE } from './pickup-note.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.title2, margin: 0 },
  bar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  filter: { minWidth: '22rem' },
  grid: { height: 'max(16rem, calc(100vh - 26rem))' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

function entriesText(shown: number, total: number): string {
  const count = `${String(shown)} ${shown === 1 ? 'entry' : 'entries'}`;
  return shown === total ? count : `${count} (filtered from ${String(total)})`;
}

/**
 * "Servers allowed to utilize the connector": the live list, its actions and its status.
 *
 * Reads the list when first shown; every write goes through the store with the version last
 * read, and a refusal because the list changed shows the reload banner instead of retrying.
 * Exchange rows show how many super users they make; rows have a context menu and the keys
 * of a Windows list (Enter or double-click opens properties, Delete removes, Ctrl+C copies,
 * F5 refreshes, Ctrl+F filters), and a removal can be undone for a few seconds. Properties and
 * Members open the account properties panel the console frame holds.
 */
export function ServersPage() {
  const styles = useStyles();
  const headingId = useId();
  const pageRef = useRef<HTMLElement>(null);
  const api = useAdminApi();
  const { servers, live, session } = useStores();
  const netbiosDomain = useStore(session, (sessionState) => sessionState.session?.directory.netbiosDomain ?? '');
  const state = useStore(servers);
  const latest = useStore(live, (liveState) => liveState.latest);
  const listMovement = latest !== undefined && touchesAny(latest, ['list']) ? latest : undefined;
  const [addOpen, setAddOpen] = useState(false);
  const [testOpen, setTestOpen] = useState(false);
  const [removeTarget, setRemoveTarget] = useState<AuthorizedAccount | undefined>(undefined);
  const [removing, setRemoving] = useState(false);
  const [removed, setRemoved] = useState<RemovedEntry | undefined>(undefined);
  const [undoing, setUndoing] = useState(false);
  const [exposureEntry, setExposureEntry] = useState<AuthorizedAccount | undefined>(undefined);
  const [actionError, setActionError] = useState<IpcError | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const filter = useDeferredValue(state.filter);
  const sorted = useMemo(() => sortEntries(state.entries, state.sort), [state.entries, state.sort]);
  const visible = useMemo(() => filterEntries(sorted, filter), [sorted, filter]);
  const selected = visible.find((entry) => entry.id === state.selectedId);
  const exposureOf = useSuperUserExposure(state.entries, state.version);
  const exposureCells = useMemo(() => ({ exposureOf, open: setExposureEntry }), [exposureOf]);

  useEffect(() => {
    if (servers.getState().loadState === 'idle') void servers.getState().refresh();
  }, [servers]);

  const focusCurrentRow = () => {
    pageRef.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]')?.focus();
  };

  const confirmRemove = async () => {
    if (!removeTarget) return;
    const index = visible.indexOf(removeTarget);
    const neighbour = visible[index + 1] ?? visible[index - 1];
    setRemoving(true);
    setActionError(undefined);
    const result = await servers.getState().remove(removeTarget.id);
    setRemoving(false);
    setRemoveTarget(undefined);
    if (result.ok) {
      servers.getState().select(neighbour?.id);
      setRemoved({ entry: result.value.removed, versionTag: result.value.versionTag });
      setStatus(`Removed ${result.value.removed.name} (${roleLabel(result.value.removed.role)}). ${PICKUP_NOTE}`);
    } else if (result.error.code !== 'LIST_CHANGED') {
      setActionError(result.error);
    }
  };

  const undo = async () => {
    if (!removed || undoing) return;
    setUndoing(true);
    setActionError(undefined);
    const result = await undoRemoval(api, removed);
    setUndoing(false);
    setRemoved(undefined);
    if (result.ok) {
      await servers.getState().refresh();
      servers.getState().select(result.value.entry.id);
      setStatus(`Added ${result.value.entry.name} back as ${roleLabel(result.value.entry.role)}. ${PICKUP_NOTE}`);
    } else if (result.error.code === 'LIST_CHANGED') {
      servers.getState().markListChanged();
    } else {
      setActionError(result.error);
    }
  };

  const exportCsv = async () => {
    setActionError(undefined);
    const result = await servers.getState().exportCsv();
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    // A byte-order mark makes Excel on Windows read the file as UTF-8 (names like "Zoë").
    saveTextFile(result.value.fileName, `\uFEFF${result.value.csv}`, 'text/csv;charset=utf-8');
    setStatus(`Exported ${String(result.value.entries)} entries to ${result.value.fileName}.`);
  };

  usePageShortcuts({
    refresh: () => void servers.getState().refresh(),
    focusFilter: () => pageRef.current?.querySelector<HTMLInputElement>('input[aria-label="Filter entries"]')?.focus(),
    undo: removed ? () => void undo() : undefined,
  });

  return (
    <section ref={pageRef} className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Servers allowed to utilize the connector
      </h1>
      {state.listChanged && <ListChangedBar onReload={() => void servers.getState().refresh()} />}
      <LoadStatus loadState={state.loadState} error={state.error} loadingLabel="Reading the list…" />
      {actionError && <ErrorBar error={actionError} />}
      {removed && (
        <UndoBar
          removed={removed}
          undoing={undoing}
          onUndo={() => void undo()}
          onDismiss={() => {
            setRemoved(undefined);
          }}
        />
      )}
      <div className={styles.bar}>
        <ServersToolbar
          canRemove={selected !== undefined}
          busy={state.loadState === 'loading'}
          onAdd={() => {
            setAddOpen(true);
          }}
          onRemove={() => {
            setRemoveTarget(selected);
          }}
          onRefresh={() => void servers.getState().refresh()}
          onExport={() => void exportCsv()}
          onTest={() => {
            setTestOpen(true);
          }}
        />
        <Input
          className={styles.filter}
          aria-label="Filter entries"
          placeholder="Filter by account, role, type, SID or added by"
          contentBefore={<FilterRegular />}
          value={state.filter}
          onChange={(_event, data) => {
            servers.getState().setFilter(data.value);
          }}
        />
      </div>
      <ExposureContext value={exposureCells}>
        <ServersGrid className={styles.grid} rows={visible} onRemove={setRemoveTarget} onStatus={setStatus} onFocusLost={focusCurrentRow} />
      </ExposureContext>
      <div className={styles.footer}>
        <Text>{entriesText(visible.length, state.entries.length)}</Text>
        <Text role="status">{status ?? PICKUP_NOTE}</Text>
      </div>
      <RemoveDialog
        entry={removeTarget}
        removing={removing}
        onCancel={() => {
          setRemoveTarget(undefined);
        }}
        onConfirm={() => void confirmRemove()}
        onFocusLost={focusCurrentRow}
      />
      <SuperUserExposureDialog
        entry={exposureEntry}
        exposure={exposureEntry && exposureOf(exposureEntry)}
        onClose={() => {
          setExposureEntry(undefined);
        }}
      />
      <AddServerDialog
        open={addOpen}
        versionTag={state.versionTag}
        listMovement={listMovement}
        onClose={() => {
          setAddOpen(false);
        }}
        onAdded={(result) => {
          setAddOpen(false);
          void servers.getState().refresh();
          setStatus(`Added ${result.entry.name} as ${roleLabel(result.entry.role)}. ${PICKUP_NOTE}`);
        }}
        onAddedSeveral={(summary) => {
          setAddOpen(false);
          void servers.getState().refresh();
          setStatus(`${summary} ${PICKUP_NOTE}`);
        }}
        onListChanged={() => {
          servers.getState().markListChanged();
        }}
      />
      <ExplainDialog
        open={testOpen}
        netbiosDomain={netbiosDomain}
        onClose={() => {
          setTestOpen(false);
        }}
      />
    </section>
  );
}
