import { Button, Input, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowDownloadRegular, FilterRegular, HistoryRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { ErrorBar } from '../../components/error-bar.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { VirtualGrid } from '../../components/virtual-grid/virtual-grid.tsx';
import type { AuditStore } from '../../stores/audit-store.ts';
import { useStores } from '../../stores/stores-context.tsx';
import { useLiveMovement } from '../../stores/use-live-movement.ts';
import { AUDIT_COLUMNS } from './audit-columns.ts';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import { saveTextFile } from '../servers/save-text-file.ts';
import { AUDIT_CSV_FILE_NAME, filterAuditRecords, renderAuditCsv } from './audit-rows.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.title2, margin: 0 },
  grid: { height: 'max(14rem, calc(100vh - 28rem))' },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  filter: { minWidth: '22rem' },
});

const EVERY_CHANGE = ['list', 'administrators', 'onboarding', 'super-user-feature'] as const;

/**
 * The audit log: who changed the list (and the connector's other settings), when, and where.
 *
 * Newest first, a page at a time; "Load older records" follows the service's cursor so a
 * long history never loads at once. While open, it reads again after each change anyone makes.
 * "Filter records" narrows the records read at once (like the Servers filter); Export… saves
 * every record the filters select, narrowed by the typed text, as CSV.
 */
export function AuditPage() {
  const styles = useStyles();
  const headingId = useId();
  const { audit } = useStores();
  const state = useStore(audit);

  useEffect(() => {
    if (audit.getState().loadState === 'idle') void audit.getState().apply(audit.getState().filters);
  }, [audit]);
  // Every change is audited: while the log is open, a change anyone makes shows in it.
  useLiveMovement(
    EVERY_CHANGE,
    useCallback(() => {
      if (audit.getState().loadState !== 'idle') void audit.getState().apply(audit.getState().filters);
    }, [audit]),
  );

  const loading = state.loadState === 'loading' || state.olderState === 'loading';
  const visible = useMemo(() => filterAuditRecords(state.records, state.textFilter), [state.records, state.textFilter]);
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Audit log
      </h1>
      <AuditFiltersForm initial={state.filters} busy={loading} onApply={(filters) => void audit.getState().apply(filters)} />
      <div className={styles.bar}>
        <Input
          className={styles.filter}
          aria-label="Filter records"
          placeholder="Filter by when, who, action, target or node"
          contentBefore={<FilterRegular />}
          value={state.textFilter}
          onChange={(_event, data) => {
            audit.getState().setTextFilter(data.value);
          }}
        />
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={visible.length === 0 || loading || state.readingAll}
          onClick={() => void exportRecords(audit)}
        >
          Export…
        </Button>
        {state.readingAll && (
          <>
            <Text role="status">Reading every record for the export: {state.records.length.toLocaleString()} read…</Text>
            <Button
              onClick={() => {
                audit.getState().stopReadingAll();
              }}
            >
              Cancel
            </Button>
          </>
        )}
      </div>
      <LoadStatus loadState={state.loadState} error={state.error} loadingLabel="Reading the audit log…" />
      {state.olderState === 'failed' && state.error && <ErrorBar error={state.error} />}
      <VirtualGrid
        label="Audit records"
        layoutId="audit"
        className={styles.grid}
        minWidth="56rem"
        rows={visible}
        rowKey={(record) => String(record.id)}
        columns={AUDIT_COLUMNS}
      />
      <div className={styles.footer}>
        <Button icon={<HistoryRegular />} disabledFocusable={state.nextBefore === null || loading} onClick={() => void audit.getState().loadOlder()}>
          Load older records
        </Button>
        <Text role="status">{recordsText(state.records.length, visible.length, state.nextBefore !== null, state.loadState === 'loaded')}</Text>
      </div>
    </section>
  );
}

/**
 * Export…: every record the filters select, narrowed by the typed filter, as CSV. Older pages
 * not read yet are read first (with progress and Cancel), so the file is the whole log for
 * those filters, not the part scrolled through; nothing is saved when that stops short.
 */
async function exportRecords(audit: AuditStore): Promise<void> {
  if (audit.getState().nextBefore !== null && !(await audit.getState().readAll())) return;
  const { records, textFilter } = audit.getState();
  saveTextFile(AUDIT_CSV_FILE_NAME, `\uFEFF${renderAuditCsv(filterAuditRecords(records, textFilter))}`, 'text/csv;charset=utf-8');
}

function recordsText(read: number, shown: number, more: boolean, loaded: boolean): string {
  if (!loaded) return '';
  const records = shown === read ? `${String(shown)} ${shown === 1 ? 'record' : 'records'}` : `${String(shown)} of ${String(read)} records`;
  return more ? `${records} shown; older records remain.` : `${records}; that is the whole log for these filters.`;
}
