import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useStore } from 'zustand';
import { ServerConfigProfileSchema } from '../../../contract/index.ts';
import { useStores } from '../../stores/stores-context.tsx';
import type { ServerConfigForm as ServerConfigFields } from './server-config-store.ts';
import { PROFILE_ORDER, PROFILE_TEXTS } from './server-config-labels.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tenant: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '20rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  description: { display: 'block', marginLeft: '2rem', color: tokens.colorNeutralForeground2 },
});

/**
 * The inputs of Configure servers: the connector URL, the tenant URL (typed, or read from
 * the connector) and the profile; Preview (or Enter) generates what the servers get.
 */
export function ServerConfigForm() {
  const styles = useStyles();
  const idPrefix = useId();
  const { serverConfig } = useStores();
  const form = useStore(serverConfig, (state) => state.form);
  const busy = useStore(serverConfig, (state) => state.operationId !== undefined);
  const update = (patch: Partial<ServerConfigFields>): void => {
    serverConfig.getState().update(patch);
  };
  const noConnector = form.connectorUrl.trim() === '';
  return (
    <form
      className={styles.form}
      aria-label="Server configuration settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void serverConfig.getState().preview();
      }}
    >
      <Field
        label="Connector URL"
        required
        hint="The load-balanced name of your connector servers, never a single node, for example https://rmsconnector.contoso.com. Choose it for good: renaming it later means reconfiguring every server."
      >
        <Input
          value={form.connectorUrl}
          onChange={(_event, data) => {
            update({ connectorUrl: data.value });
          }}
        />
      </Field>
      <div className={styles.tenant}>
        <Field
          className={styles.grow}
          label="Tenant URL"
          hint="Your Azure RMS address, https://<tenant id>.rms.<region>.aadrm.com. Leave it empty to read it from the connector."
        >
          <Input
            value={form.tenantUrl}
            onChange={(_event, data) => {
              update({ tenantUrl: data.value });
            }}
          />
        </Field>
        <Button disabledFocusable={busy || noConnector} onClick={() => void serverConfig.getState().readTenantUrl()}>
          Read from connector
        </Button>
      </div>
      <Field label="Profile">
        <RadioGroup
          value={form.profile}
          onChange={(_event, data) => {
            const parsed = ServerConfigProfileSchema.safeParse(data.value);
            if (parsed.success) update({ profile: parsed.data });
          }}
        >
          {PROFILE_ORDER.map((profile) => (
            <div key={profile}>
              <Radio value={profile} label={PROFILE_TEXTS[profile].label} aria-describedby={`${idPrefix}-${profile}`} />
              <Text id={`${idPrefix}-${profile}`} size={200} className={styles.description}>
                {PROFILE_TEXTS[profile].description}
              </Text>
            </div>
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<DocumentSearchRegular />} disabledFocusable={busy || noConnector}>
          Preview
        </Button>
      </div>
    </form>
  );
}
