import type { FindingCode, ImportPreview, ImportRow, ListFileIssue } from '../../../contract/index.ts';
import { ROLE_LABELS } from '../../../contract/index.ts';

/** One acknowledgement: a warning's code on one added entry (its SID and role). */
export type AcknowledgementKey = string;

/** The key of a warning on one entry, as the acknowledged set holds it. */
export function acknowledgementKey(row: Pick<ImportRow, 'sid' | 'role'>, code: FindingCode): AcknowledgementKey {
  return `${row.sid} ${row.role} ${code}`;
}

/** What a preview would change, in numbers: the status line and the section headings say them. */
export type ImportCounts = { readonly added: number; readonly removed: number; readonly unchanged: number };

/** The counts of a preview. */
export function importCounts(preview: ImportPreview): ImportCounts {
  return { added: preview.added.length, removed: preview.removed.length, unchanged: preview.unchanged.length };
}

/** "2 to add, 1 to remove, 3 unchanged." — the preview's status line. */
export function describeCounts(counts: ImportCounts): string {
  return `${String(counts.added)} to add, ${String(counts.removed)} to remove, ${String(counts.unchanged)} unchanged.`;
}

/**
 * Why Apply cannot run yet, or undefined when it can.
 *
 * As in the add dialog: an added entry's error blocks, each warning on an added entry needs
 * its "I understand". A file that changes nothing has nothing to apply. Unchanged entries'
 * findings are for reading: they are on the list already.
 */
export function applyBlocker(
  preview: ImportPreview,
  acknowledged: ReadonlySet<AcknowledgementKey>,
): 'nothing-to-change' | 'errors' | 'acknowledgements' | undefined {
  if (preview.added.length === 0 && preview.removed.length === 0) return 'nothing-to-change';
  if (preview.added.some((row) => row.findings.some((finding) => finding.severity === 'error'))) return 'errors';
  const missing = preview.added.some((row) =>
    row.findings.some((finding) => finding.severity === 'warning' && !acknowledged.has(acknowledgementKey(row, finding.code))),
  );
  return missing ? 'acknowledgements' : undefined;
}

/** What the dialog says under Apply while it is disabled. */
export const BLOCKER_TEXTS = {
  'nothing-to-change': 'The live list already matches the file: there is nothing to apply.',
  errors: 'Fix the errors shown for the entries to add in the file, then import it again.',
  acknowledgements: 'Read each warning on the entries to add and tick its "I understand" box.',
} as const;

/** The acknowledgements Apply sends: per added entry, the warning codes ticked. */
export function acknowledgementsOf(
  preview: ImportPreview,
  acknowledged: ReadonlySet<AcknowledgementKey>,
): { sid: string; role: ImportRow['role']; codes: FindingCode[] }[] {
  return preview.added.flatMap((row) => {
    const codes = row.findings
      .filter((finding) => finding.severity === 'warning' && acknowledged.has(acknowledgementKey(row, finding.code)))
      .map((finding) => finding.code);
    return codes.length === 0 ? [] : [{ sid: row.sid, role: row.role, codes }];
  });
}

/** An entry as its group and checkboxes are named: `CORP\Exchange Servers as Exchange Server`. */
export function rowName(row: Pick<ImportRow, 'label' | 'role'>): string {
  return `${row.label} as ${ROLE_LABELS[row.role]}`;
}

/** One issue of a refused file as a line of text: `Line 3, entry 2, role: "Printer" is not a role…`. */
export function describeIssue(issue: ListFileIssue): string {
  const where = [
    issue.line === undefined ? undefined : `Line ${String(issue.line)}`,
    issue.entry === undefined ? undefined : `entry ${String(issue.entry)}`,
    issue.field,
  ].filter((part) => part !== undefined);
  const problem = issue.kind === 'too-many' ? `The file ${issue.problem}.` : issue.problem;
  return where.length === 0 ? problem : `${where.join(', ')}: ${problem}`;
}
