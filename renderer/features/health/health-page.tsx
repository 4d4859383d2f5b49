import { Button, Field, Input, Text, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { HeartPulseRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useStore } from 'zustand';
import { CaFilePicker } from '../../components/ca-file-picker.tsx';
import { CopyAsText } from '../../components/copy-as-text.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { useStores } from '../../stores/stores-context.tsx';
import { HealthResults, healthSummary } from './health-results.tsx';
import { progressLabel } from './health-store.ts';
import { LoadBalancerChecklist } from './load-balancer-checklist.tsx';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  heading: { ...typographyStyles.title2, margin: 0 },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
});

/**
 * Deployment health: every check of a connector deployment, re-runnable and copyable as text.
 *
 * Checks are made from this computer (DNS, proxy and firewalls may differ on the servers);
 * node, heartbeat and list checks read the signed-in service. A run shows which checks run
 * ("5 of 17") and can be cancelled.
 */
export function HealthPage() {
  const styles = useStyles();
  const headingId = useId();
  const { health } = useStores();
  const state = useStore(health);
  const busy = state.loadState === 'loading';
  const report = state.report;
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <h1 id={headingId} className={styles.heading}>
        Deployment health
      </h1>
      <Text>Checks the connector deployment from this computer: nodes, the load-balanced URL, the certificate, TLS, the proxy and the list.</Text>
      <form
        aria-label="Health check settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void health.getState().run();
        }}
      >
        <div className={styles.form}>
          <Field label="Connector URL" required hint="The load-balanced name servers use, for example https://rmsconnector.contoso.com">
            <Input
              value={state.form.connectorUrl}
              onChange={(_event, data) => {
                health.getState().update({ connectorUrl: data.value });
              }}
            />
          </Field>
          <CaFilePicker
            label="CA certificate file (optional)"
            hint="Your enterprise root (a PEM .cer, .crt or .pem file), trusted besides this computer's store."
            purpose="health"
            file={state.form.caFile}
            disabled={busy}
            onChange={(caFile) => {
              health.getState().update({ caFile });
            }}
          />
          <Field label="Proxy address (optional)" hint="The connectors' ProxyAddress value, for example http://proxy.contoso.com:8080">
            <Input
              value={state.form.proxyUrl}
              onChange={(_event, data) => {
                health.getState().update({ proxyUrl: data.value });
              }}
            />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" icon={<HeartPulseRegular />} disabledFocusable={busy || state.form.connectorUrl.trim() === ''}>
            {report === undefined ? 'Run checks' : 'Run again'}
          </Button>
        </div>
      </form>
      <LoadStatus
        loadState={state.loadState}
        error={state.error}
        loadingLabel={progressLabel(state.progress)}
        onCancel={() => void health.getState().cancel()}
      />
      {report && (
        <>
          <Text role="status" weight="semibold">
            {healthSummary(report)}
          </Text>
          <CopyAsText text={report.text} copiedMessage="Copied the report to the clipboard." boxLabel="Report as text" />
          <HealthResults report={report} />
          <LoadBalancerChecklist items={report.loadBalancerChecklist} />
        </>
      )}
    </section>
  );
}
