import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens, typographyStyles, useId } from '@fluentui/react-components';
import { CaFilePicker } from '../../components/ca-file-picker.tsx';
import { directorySummary } from './directory-summary.ts';
import type { SignInFieldsProps } from './field-props.ts';
import { SIGN_IN_FIELD_MESSAGES, type SignInField } from './sign-in-form.ts';

const useStyles = makeStyles({
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { ...typographyStyles.body1Strong, padding: `0 ${tokens.spacingHorizontalXS}` },
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  summaryText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * The "Directory" group: how the console finds a domain controller and binds to it.
 *
 * Once configured it shows as one line (`ldaps://dc1.corp.contoso.test (LDAPS, …)`) with a
 * **Change…** button, so the sign-in form fits a 1280×800 screen with Sign in in view; the
 * page opens it when nothing is configured or when its values caused the failure. Opened,
 * both the domain and the server URL stay visible; the radio decides which one is used, so
 * switching back and forth never loses what was typed.
 */
export function DirectoryFields(props: SignInFieldsProps & { readonly expanded: boolean; readonly onExpand: () => void }) {
  const styles = useStyles();
  const summaryId = useId('directory-summary');
  const { form, update, disabled } = props;
  const validation = (field: SignInField) =>
    props.invalid.has(field) ? { validationState: 'error' as const, validationMessage: SIGN_IN_FIELD_MESSAGES[field] } : {};
  if (!props.expanded)
    return (
      <fieldset className={styles.fieldset} disabled={disabled}>
        <legend className={styles.legend}>Directory</legend>
        <div className={styles.summary}>
          <Text id={summaryId} className={styles.summaryText}>
            {directorySummary(form)}
          </Text>
          <Button aria-describedby={summaryId} onClick={props.onExpand}>
            Change…
          </Button>
        </div>
      </fieldset>
    );
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend className={styles.legend}>Directory</legend>
      <Field label="Find domain controllers by">
        <RadioGroup
          layout="horizontal"
          value={form.mode}
          onChange={(_event, data) => {
            update({ mode: data.value === 'server' ? 'server' : 'domain' });
          }}
        >
          <Radio value="domain" label="Domain" />
          <Radio value="server" label="Server" />
        </RadioGroup>
      </Field>
      <Field label="Domain" required={form.mode === 'domain'} {...validation('domain')}>
        <Input
          ref={props.inputRef('domain')}
          value={form.domain}
          onChange={(_event, data) => {
            update({ domain: data.value });
          }}
        />
      </Field>
      <Field label="Server URL" required={form.mode === 'server'} hint="For example ldaps://dc1.corp.contoso.com" {...validation('serverUrl')}>
        <Input
          ref={props.inputRef('serverUrl')}
          value={form.serverUrl}
          onChange={(_event, data) => {
            update({ serverUrl: data.value });
          }}
        />
      </Field>
      <Field label="Connection security">
        <RadioGroup
          layout="horizontal"
          value={form.transport}
          onChange={(_event, data) => {
            update({ transport: data.value === 'starttls' ? 'starttls' : 'ldaps' });
          }}
        >
          <Radio value="ldaps" label="LDAPS" />
          <Radio value="starttls" label="StartTLS" />
        </RadioGroup>
      </Field>
      <CaFilePicker
        label="CA certificate file"
        hint="The root of the domain controllers' certificates, when the system does not trust it already."
        purpose="directory"
        file={form.caFile}
        disabled={disabled}
        onChange={(caFile) => {
          update({ caFile });
        }}
      />
      <Field label="Expected server name" hint="The name the server's certificate must carry, when it differs from the URL.">
        <Input
          value={form.serverName}
          onChange={(_event, data) => {
            update({ serverName: data.value });
          }}
        />
      </Field>
      <Field label="Bind account (optional)" hint="Used to read the directory instead of your own account; needs its password.">
        <Input
          value={form.bindUser}
          autoComplete="off"
          onChange={(_event, data) => {
            update({ bindUser: data.value });
          }}
        />
      </Field>
      <Field label="Bind password" {...validation('bindPassword')}>
        <Input
          ref={props.inputRef('bindPassword')}
          type="password"
          value={form.bindPassword}
          autoComplete="off"
          onChange={(_event, data) => {
            update({ bindPassword: data.value });
          }}
        />
      </Field>
    </fieldset>
  );
}
