import { Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import { useStore } from 'zustand';
import { LoadStatus } from '../../components/load-status.tsx';
import { useStores } from '../../stores/stores-context.tsx';
import { FilePreview } from './file-preview.tsx';
import { PlanNotices, ProfileDifferences, ServerTypePlans } from './plan-details.tsx';
import { SaveFiles } from './save-files.tsx';
import { ServerConfigForm } from './server-config-form.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '64rem' },
  heading: { ...typographyStyles.title2, margin: 0 },
});

/**
 * Configure servers: the registry values that point Exchange, SharePoint and FCI file servers
 * at the connector, previewed as the .reg files and scripts GenConnectorConfig.ps1 made, then
 * saved to a folder the admin picks.
 */
export function ServerConfigPage() {
  const styles = useStyles();
  const headingId = useId();
  const { serverConfig } = useStores();
  const plan = useStore(serverConfig, (state) => state.plan);
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Configure servers
      </h1>
      <Text>
        Generates the registry values that point Exchange, SharePoint and file servers (FCI) at the connector: .reg files, a Group Policy script and local
        scripts.
      </Text>
      <ServerConfigForm />
      <LoadStatus
        loadState={plan.loadState}
        error={plan.error}
        loadingLabel="Generating the configuration…"
        onCancel={() => void serverConfig.getState().cancel()}
      />
      {plan.result && (
        <>
          <PlanNotices plan={plan.result} />
          <FilePreview key={`${plan.result.connectorUrl} ${plan.result.tenantUrl} ${plan.result.profile}`} files={plan.result.files} />
        </>
      )}
      <SaveFiles />
      {plan.result && (
        <>
          <ServerTypePlans plan={plan.result} />
          <ProfileDifferences plan={plan.result} />
        </>
      )}
    </section>
  );
}
