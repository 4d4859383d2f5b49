import { Badge, Button, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowRightRegular, CheckmarkCircleFilled, DismissCircleFilled, ShieldErrorRegular } from '@fluentui/react-icons';
import {
  candidateLabel,
  explanationText,
  grantNote,
  verdictSentence,
  type AdmittingGrant,
  type DirectoryObject,
  type Explanation,
} from '../../../contract/index.ts';
import { CopyAsText } from '../../components/copy-as-text.tsx';
import { kindLabel, roleLabel } from '../../format/labels.ts';
import { AdviceList } from './advice-list.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  verdict: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  verdictHeading: { ...typographyStyles.subtitle1, margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  admitted: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  quiet: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chain: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalXS,
  },
  link: { display: 'flex', alignItems: 'center' },
  arrow: { margin: `0 ${tokens.spacingHorizontalXS}`, color: tokens.colorNeutralForeground2, flexShrink: 0 },
  step: {
    display: 'inline-flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  candidate: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Props of {@link ExplanationView}. */
export type ExplanationViewProps = {
  readonly explanation: Explanation;
  readonly netbiosDomain: string;
  /** Test one of an ambiguous name's candidates (by its SID). */
  readonly onTestCandidate: (candidate: DirectoryObject) => void;
};

/**
 * Why the connector admits or refuses an account: verdict, super user, each admitting path as a
 * chain, then the advice; "Copy as text" copies all of it.
 *
 * The verdict is a word and an icon, never colour alone; each chain is an ordered list named
 * "Path from ACCOUNT to ENTRY" whose items wrap at any width, so a screen reader reads the steps
 * in order and a 1280-pixel window never scrolls sideways.
 */
export function ExplanationView(props: ExplanationViewProps) {
  const styles = useStyles();
  const { explanation } = props;
  const admitted = explanation.admitted;
  return (
    <div className={styles.root}>
      <div className={styles.verdict}>
        <h3 className={`${styles.verdictHeading} ${admitted ? styles.admitted : styles.refused}`}>
          {admitted ? <CheckmarkCircleFilled aria-hidden /> : <DismissCircleFilled aria-hidden />}
          {explanation.status === 'ambiguous' ? 'Not tested yet' : admitted ? 'Admitted' : 'Refused'}
        </h3>
        {explanation.status === 'found' && explanation.superUser && (
          <Badge appearance="filled" color="danger" icon={<ShieldErrorRegular />}>
            Super user
          </Badge>
        )}
      </div>
      <Text>{verdictSentence(explanation)}</Text>
      {explanation.status === 'found' && (
        <Text className={styles.quiet}>
          {kindLabel(explanation.account.kind)} in {explanation.account.inFolder}. Its token carries {String(explanation.tokenGroupCount)} security group
          {explanation.tokenGroupCount === 1 ? '' : 's'}, nested and primary included.
          {explanation.superUser && ' As a super user it can open and remove protection from all protected content.'}
        </Text>
      )}
      {explanation.status === 'found' && explanation.grants.length > 0 && <Grants grants={explanation.grants} />}
      {explanation.status === 'ambiguous' && (
        <section aria-label="Matching accounts">
          <h3 className={styles.heading}>Matching accounts</h3>
          <ul className={styles.list}>
            {explanation.candidates.map((candidate) => (
              <li key={candidate.sid} className={styles.candidate}>
                <Button
                  onClick={() => {
                    props.onTestCandidate(candidate);
                  }}
                >
                  Test {candidateLabel(candidate, props.netbiosDomain)}
                </Button>
                <Text className={styles.quiet}>
                  {kindLabel(candidate.kind)}, In Folder {candidate.inFolder}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {explanation.status !== 'ambiguous' && <AdviceList advice={explanation.advice} />}
      <CopyAsText
        text={explanationText(explanation, props.netbiosDomain)}
        copiedMessage="Copied the explanation to the clipboard."
        boxLabel="Explanation as text"
      />
    </div>
  );
}

function Grants(props: { grants: readonly AdmittingGrant[] }) {
  const styles = useStyles();
  return (
    <section aria-label="Admitted by">
      <h3 className={styles.heading}>Admitted by ({props.grants.length})</h3>
      <ul className={styles.list} aria-label="Admitting entries">
        {props.grants.map((grant) => {
          const note = grantNote(grant);
          const account = grant.path[0]?.name ?? '';
          return (
            <li key={`${grant.entry.role}-${grant.entry.sid}`}>
              <Text weight="semibold">
                {roleLabel(grant.entry.role)}: {grant.entry.name}
              </Text>
              {note !== undefined && <Text className={styles.quiet}> ({note})</Text>}
              <ol className={styles.chain} aria-label={`Path from ${account} to ${grant.entry.name}`}>
                {grant.path.map((step, index) => (
                  <li key={`${step.sid}-${String(index)}`} className={styles.link}>
                    {index > 0 && <ArrowRightRegular aria-hidden className={styles.arrow} />}
                    <span className={styles.step}>
                      <Text>{step.name}</Text>
                      <Text size={200} className={styles.quiet}>
                        {stepKindLabel(step.kind)}
                      </Text>
                    </span>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function stepKindLabel(kind: string): string {
  if (kind === 'well-known') return 'Every logon';
  return KINDS[kind] ?? kind;
}

const KINDS: Readonly<Record<string, string>> = {
  user: kindLabel('user'),
  computer: kindLabel('computer'),
  group: kindLabel('group'),
  'service-account': kindLabel('service-account'),
  'foreign-principal': kindLabel('foreign-principal'),
};
