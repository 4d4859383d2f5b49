import { Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { FindingCode, ImportRow } from '../../../contract/index.ts';
import { OBJECT_KIND_LABELS, ROLE_LABELS } from '../../../contract/index.ts';
import { FindingsList } from '../../components/findings-list.tsx';
import { acknowledgementKey, rowName, type AcknowledgementKey } from './import-preview-model.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Which part of the preview a section shows; removed entries say what they lose instead of findings. */
export type ImportSectionKind = 'added' | 'removed' | 'unchanged';

const HEADINGS: Record<ImportSectionKind, string> = { added: 'To add', removed: 'To remove', unchanged: 'Unchanged' };

/** Props of {@link ImportSection}. */
export type ImportSectionProps = {
  readonly kind: ImportSectionKind;
  readonly rows: readonly ImportRow[];
  /** Given for the entries to add: their warnings get "I understand" boxes. */
  readonly acknowledged?: ReadonlySet<AcknowledgementKey>;
  readonly onAcknowledge?: (row: ImportRow, code: FindingCode, checked: boolean) => void;
};

/**
 * One part of an import preview: a region named by its heading ("To add (2)"), each entry a
 * group named `NAME as ROLE` with its type, folder and SID, then its findings.
 */
export function ImportSection(props: ImportSectionProps): JSX.Element | null {
  const styles = useStyles();
  if (props.rows.length === 0) return null;
  const heading = `${HEADINGS[props.kind]} (${String(props.rows.length)})`;
  return (
    <section className={styles.section} aria-label={heading}>
      <h3 className={styles.heading}>{heading}</h3>
      <ul className={styles.list}>
        {props.rows.map((row) => (
          <li key={`${row.sid} ${row.role}`}>
            <div className={styles.row} role="group" aria-label={rowName(row)}>
              <Text className={styles.name}>
                {row.label} — {ROLE_LABELS[row.role]}
              </Text>
              <Text size={200} className={styles.facts}>
                {[row.kind === undefined ? 'Not found in the directory' : OBJECT_KIND_LABELS[row.kind], row.inFolder, row.sid].filter(Boolean).join(' · ')}
              </Text>
              {props.kind === 'removed' && (
                <Text size={200}>
                  {row.role === 'exchange'
                    ? 'Its members are no longer super users through this entry.'
                    : 'The server can no longer use the connector to protect or open content.'}
                </Text>
              )}
              {row.findings.length > 0 && <RowFindings row={row} {...props} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RowFindings(props: { row: ImportRow } & ImportSectionProps): JSX.Element {
  const { row, acknowledged, onAcknowledge } = props;
  if (acknowledged === undefined || onAcknowledge === undefined) return <FindingsList findings={row.findings} headingLevel={3} />;
  const ticked: Partial<Record<FindingCode, boolean>> = Object.fromEntries(
    row.findings.filter((finding) => acknowledged.has(acknowledgementKey(row, finding.code))).map((finding) => [finding.code, true]),
  );
  return (
    <FindingsList
      findings={row.findings}
      acknowledged={ticked}
      onAcknowledge={(code, checked) => {
        onAcknowledge(row, code, checked);
      }}
      headingLevel={3}
    />
  );
}
