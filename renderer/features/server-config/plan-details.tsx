import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ServerConfigPlan, ServerPlan } from '../../../contract/index.ts';
import { PROFILE_TEXTS } from './server-config-labels.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
});

/**
 * The notices of a plan: every warning as a message bar (never a single node; renaming the
 * URL means reconfiguring every server; …) and the notes on how the input was read.
 */
export function PlanNotices(props: { plan: ServerConfigPlan }) {
  const styles = useStyles();
  const headingId = useId();
  const warnings = props.plan.notices.filter((notice) => notice.severity === 'warning');
  const notes = props.plan.notices.filter((notice) => notice.severity === 'info');
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Before you deploy
      </h2>
      <Text>
        Connector URL {props.plan.connectorUrl}; tenant URL {props.plan.tenantUrl}
        {props.plan.tenantUrlSource === 'connector' ? ' (read from the connector)' : ''}; profile: {PROFILE_TEXTS[props.plan.profile].label}.
      </Text>
      {warnings.map((notice) => (
        <MessageBar key={notice.code} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Warning</MessageBarTitle>
            {notice.message}
          </MessageBarBody>
        </MessageBar>
      ))}
      {notes.map((notice) => (
        <MessageBar key={notice.code} intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Note</MessageBarTitle>
            {notice.message}
          </MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

/** Per server type: which servers, the registry values, the GPO name and the steps that follow. */
export function ServerTypePlans(props: { plan: ServerConfigPlan }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Registry values and next steps
      </h2>
      {props.plan.servers.map((server) => (
        <ServerTypePlan key={server.serverType} server={server} />
      ))}
    </section>
  );
}

function ServerTypePlan(props: { server: ServerPlan }) {
  const styles = useStyles();
  const { server } = props;
  return (
    <div className={styles.section}>
      <h3 className={styles.subheading}>{server.title}</h3>
      <Text>Configure: {server.configure}</Text>
      <table className={styles.table}>
        <caption className={styles.caption}>
          Registry values for {server.title} (REG_SZ; Group Policy object "{server.gpoName}")
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              Key
            </th>
            <th scope="col" className={styles.cell}>
              Value name
            </th>
            <th scope="col" className={styles.cell}>
              Data
            </th>
          </tr>
        </thead>
        <tbody>
          {server.keys.flatMap((key) =>
            key.values.map((value) => (
              <tr key={`${key.path}\u0000${value.name}`}>
                <td className={`${styles.cell} ${styles.mono}`}>{key.path}</td>
                <td className={`${styles.cell} ${styles.mono}`}>{value.name === '' ? '(Default)' : value.name}</td>
                <td className={`${styles.cell} ${styles.mono}`}>{value.data}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <Text weight="semibold">Then, for {server.title}:</Text>
      <ol>
        {server.followUpSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}

/** How the other profile would differ, so the choice is made knowingly. */
export function ProfileDifferences(props: { plan: ServerConfigPlan }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        How the profiles differ
      </h2>
      <ul>
        {props.plan.profileDifferences.map((difference) => (
          <li key={`${difference.serverType}\u0000${difference.kind}\u0000${difference.key}\u0000${difference.valueName}`}>{difference.summary}</li>
        ))}
      </ul>
    </section>
  );
}
